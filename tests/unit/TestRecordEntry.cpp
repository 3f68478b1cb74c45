#include "RecordsTestFixtures.h"

#include "itemmodels/CreditItemEntryModel.h"
#include "itemmodels/SubjectEntryModel.h"
#include "records/RecordSubmissionRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

// The record entry models: the QDataWidgetMapper contract (choices by label or key, dates, flags), per-field
// errors from the domain's collection rules at the field they concern (prohibited data refused with the reason,
// consent required and recorded, simplified-procedure penalties of natural persons excluded unless a legal basis
// is recorded, legal document number for dishonest items), identifier checks with the supervisor's override, and
// a save that creates an audited submission awaiting the platform and never a platform item.
class TestRecordEntry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void itemValidation_data();
    void itemValidation();
    void mapperContract();
    void errorsShowAfterEditOrSubmit();
    void categoryChangeClearsType();
    void itemSaveCreatesPendingSubmission();
    void itemSaveRefusedWhenInvalid();
    void subjectIdentifierChecks_data();
    void subjectIdentifierChecks();
    void subjectDerivedFields();
    void subjectOverrideNeedsSupervisor();
    void subjectSaveCreatesLocalSubject();

private:
    CreditItemEntryModel* itemModel(const Subject& subject);
    void fillValidPenalty(CreditItemEntryModel* model);

    const QDate m_today{2025, 6, 15};
    PolicyRegistry m_policies;
    QScopedPointer<TestDatabase> m_tdb;
    Subject m_person;
    Subject m_company;
    QList<QObject*> m_owned;
};

void TestRecordEntry::init()
{
    QString error;
    m_policies = PolicyRegistry::builtIn(&error);
    QVERIFY2(!m_policies.isEmpty(), qPrintable(error));
    m_tdb.reset(new TestDatabase);
    QVERIFY2(m_tdb->isValid(), qPrintable(m_tdb->errorString()));
    m_person = RecordsFixture::person(QStringLiteral("林丽"), QDate(1990, 1, 1), 2);
    m_company = RecordsFixture::company(QStringLiteral("厦门鑫源科技有限公司"), 1);
    QVERIFY2(RecordsFixture::insertPlatformSubjects(*m_tdb, {&m_person, &m_company}, &error), qPrintable(error));
    QVERIFY2(RecordsFixture::addStaff(*m_tdb, QStringLiteral("super1"), Role::Supervisor, &error), qPrintable(error));
    QVERIFY2(RecordsFixture::addStaff(*m_tdb, QStringLiteral("clerk2"), Role::Clerk, &error), qPrintable(error));
}

void TestRecordEntry::cleanup()
{
    qDeleteAll(m_owned);
    m_owned.clear();
    m_tdb.reset();
}

CreditItemEntryModel* TestRecordEntry::itemModel(const Subject& subject)
{
    auto* model = new CreditItemEntryModel(RecordsFixture::session(*m_tdb), m_policies);
    m_owned.append(model);
    model->setToday(m_today);
    model->setSubject(subject);
    return model;
}

void TestRecordEntry::fillValidPenalty(CreditItemEntryModel* m)
{
    m->setValue(CreditItemEntryModel::CategoryColumn, QStringLiteral("dishonest"));
    m->setValue(CreditItemEntryModel::ItemTypeColumn, QStringLiteral("administrative_penalty"));
    m->setValue(CreditItemEntryModel::PenaltyKindColumn, QStringLiteral("fine"));
    m->setValue(CreditItemEntryModel::FieldColumn, QStringLiteral("market_regulation"));
    m->setValue(CreditItemEntryModel::SourceDepartmentColumn, QStringLiteral("厦门市市场监督管理局"));
    m->setValue(CreditItemEntryModel::LegalDocumentNumberColumn, QStringLiteral("厦市监罚〔2025〕88号"));
    m->setValue(CreditItemEntryModel::DecisionDateColumn, QDate(2025, 5, 1));
    m->setValue(CreditItemEntryModel::TitleColumn, QStringLiteral("行政处罚：罚款"));
    m->setValue(CreditItemEntryModel::BasisColumn, QStringLiteral("移交函 2025-031"));
}

void TestRecordEntry::itemValidation_data()
{
    QTest::addColumn<bool>("person");
    QTest::addColumn<QVariantMap>("changes"); // column number (as text) -> value
    QTest::addColumn<int>("errorColumn");     // -1: valid
    QTest::addColumn<QString>("rule");        // collection rule key behind the error, or empty
    auto c = [](int column) { return QString::number(column); };
    using M = CreditItemEntryModel;
    QTest::newRow("valid penalty") << true << QVariantMap{} << -1 << QString();
    QTest::newRow("prohibited: religion")
        << true << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("religion")}} << int(M::PersonalDataColumn)
        << QStringLiteral("collection.prohibited_personal_data");
    QTest::newRow("prohibited: medical history")
        << true << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("medical_history")}}
        << int(M::PersonalDataColumn) << QStringLiteral("collection.prohibited_personal_data");
    QTest::newRow("organisation's figures are ordinary")
        << false << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("income")}} << -1 << QString();
    QTest::newRow("consent required") << true << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("income")}}
                                      << int(M::ConsentRecordedColumn) << QStringLiteral("collection.consent_required");
    QTest::newRow("consent without its reference")
        << true
        << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("real_estate")}, {c(M::ConsentRecordedColumn), true}}
        << int(M::ConsentReferenceColumn) << QString();
    QTest::newRow("consent recorded") << true
                                      << QVariantMap{{c(M::PersonalDataColumn), QStringLiteral("income")},
                                                     {c(M::ConsentRecordedColumn), true},
                                                     {c(M::ConsentReferenceColumn), QStringLiteral("同意书 2025-07")}}
                                      << -1 << QString();
    QTest::newRow("simplified procedure excluded")
        << true << QVariantMap{{c(M::SimplifiedProcedureColumn), true}} << int(M::SimplifiedProcedureColumn)
        << QStringLiteral("collection.excluded.simplified_procedure");
    QTest::newRow("simplified procedure with legal basis")
        << true
        << QVariantMap{{c(M::SimplifiedProcedureColumn), true},
                       {c(M::OverridingLegalBasisColumn), QStringLiteral("《某条例》第二十条")}}
        << -1 << QString();
    QTest::newRow("simplified procedure of a company")
        << false << QVariantMap{{c(M::SimplifiedProcedureColumn), true}} << -1 << QString();
    QTest::newRow("minor violation excluded")
        << true << QVariantMap{{c(M::MinorViolationColumn), true}} << int(M::MinorViolationColumn)
        << QStringLiteral("collection.excluded.minor_violation");
    QTest::newRow("actively remedied excluded")
        << true << QVariantMap{{c(M::ActivelyRemediedColumn), true}} << int(M::ActivelyRemediedColumn)
        << QStringLiteral("collection.excluded.actively_remedied");
    QTest::newRow("missing document number")
        << false << QVariantMap{{c(M::LegalDocumentNumberColumn), QString()}} << int(M::LegalDocumentNumberColumn)
        << QStringLiteral("collection.missing_legal_document");
    QTest::newRow("basic item needs no document")
        << false
        << QVariantMap{{c(M::CategoryColumn), QStringLiteral("basic")},
                       {c(M::ItemTypeColumn), QStringLiteral("administrative_licence")},
                       {c(M::PenaltyKindColumn), QString()},
                       {c(M::LegalDocumentNumberColumn), QString()}}
        << -1 << QString();
    QTest::newRow("decision in the future") << false << QVariantMap{{c(M::DecisionDateColumn), QDate(2025, 7, 1)}}
                                            << int(M::DecisionDateColumn) << QString();
    QTest::newRow("penalty without kind")
        << false << QVariantMap{{c(M::PenaltyKindColumn), QString()}} << int(M::PenaltyKindColumn) << QString();
    QTest::newRow("unknown field") << false << QVariantMap{{c(M::FieldColumn), QStringLiteral("astrology")}}
                                   << int(M::FieldColumn) << QString();
    QTest::newRow("listing records its list")
        << false
        << QVariantMap{{c(M::ItemTypeColumn), QStringLiteral("key_attention_listing")},
                       {c(M::PenaltyKindColumn), QString()},
                       {c(M::ListKindColumn), QStringLiteral("none")}}
        << int(M::ListKindColumn) << QString();
    QTest::newRow("title required") << false << QVariantMap{{c(M::TitleColumn), QStringLiteral("  ")}}
                                    << int(M::TitleColumn) << QString();
}

void TestRecordEntry::itemValidation()
{
    QFETCH(bool, person);
    QFETCH(QVariantMap, changes);
    QFETCH(int, errorColumn);
    QFETCH(QString, rule);
    CreditItemEntryModel* model = itemModel(person ? m_person : m_company);
    fillValidPenalty(model);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        QVERIFY(model->setValue(it.key().toInt(), it.value()));
    const QMap<int, QString> errors = model->fieldErrors();
    if (errorColumn < 0) {
        QVERIFY2(model->isValid(), qPrintable(model->allErrors().values().join(QLatin1Char('\n'))));
        QVERIFY(errors.isEmpty());
        return;
    }
    QVERIFY2(errors.contains(errorColumn),
             qPrintable(QStringLiteral("errors at %1").arg(QStringList(errors.values()).join(QLatin1String(" | ")))));
    QVERIFY(!errors.value(errorColumn).isEmpty());
    QCOMPARE(model->fieldError(errorColumn), errors.value(errorColumn));
    QCOMPARE(model->data(model->index(0, errorColumn), RecordEntryModel::FieldErrorRole).toString(),
             errors.value(errorColumn));
    QVERIFY(!model->isValid());
    if (!rule.isEmpty()) {
        const CollectionDecision decision = errorColumn == CreditItemEntryModel::PersonalDataColumn ||
                                                    errorColumn == CreditItemEntryModel::ConsentRecordedColumn
                                                ? model->personalDataDecision()
                                                : model->itemDecision();
        QCOMPARE(toKey(decision.rule), rule);
        // The reason the clerk reads out is the rule's own.
        QCOMPARE(errors.value(errorColumn), decision.reason);
    }
}

void TestRecordEntry::mapperContract()
{
    CreditItemEntryModel* model = itemModel(m_company);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->columnCount(), int(CreditItemEntryModel::ColumnCount));
    QCOMPARE(model->fieldKey(CreditItemEntryModel::LegalDocumentNumberColumn), QStringLiteral("legal_document_number"));
    QCOMPARE(model->column(QStringLiteral("decision_date")), int(CreditItemEntryModel::DecisionDateColumn));
    QCOMPARE(model->fieldType(CreditItemEntryModel::ConsentRecordedColumn), RecordEntryModel::FieldType::Flag);

    // A combo box writes its current text (the label); the model keeps the key.
    const QModelIndex category = model->index(0, CreditItemEntryModel::CategoryColumn);
    const QString dishonestLabel = displayName(ItemCategory::Dishonest);
    QVERIFY(model->setData(category, dishonestLabel, Qt::EditRole));
    QCOMPARE(model->data(category, RecordEntryModel::ValueRole).toString(), QStringLiteral("dishonest"));
    QCOMPARE(model->data(category, Qt::EditRole).toString(), dishonestLabel);
    QVERIFY(model->setData(category, QStringLiteral("trustworthy"), Qt::EditRole));
    QCOMPARE(model->data(category, Qt::DisplayRole).toString(), displayName(ItemCategory::Trustworthy));
    // The type's choices follow the category.
    const QList<RecordEntryModel::Option> types = model->options(CreditItemEntryModel::ItemTypeColumn);
    QCOMPARE(types.size(), ItemTypes::ofCategory(ItemCategory::Trustworthy).size());
    // A date edit writes a QDate; text in ISO form is taken too.
    const QModelIndex decided = model->index(0, CreditItemEntryModel::DecisionDateColumn);
    QVERIFY(model->setData(decided, QDate(2025, 3, 4), Qt::EditRole));
    QCOMPARE(model->data(decided, Qt::EditRole).toDate(), QDate(2025, 3, 4));
    QVERIFY(model->setData(decided, QStringLiteral("2025-03-05"), Qt::EditRole));
    QCOMPARE(model->data(decided, Qt::DisplayRole).toString(), QStringLiteral("2025-03-05"));
    // A check box writes a bool.
    const QModelIndex consent = model->index(0, CreditItemEntryModel::ConsentRecordedColumn);
    QVERIFY(model->setData(consent, true, Qt::EditRole));
    QCOMPARE(model->data(consent, Qt::EditRole).toBool(), true);
    QVERIFY(model->flags(consent) & Qt::ItemIsEditable);
    QCOMPARE(model->headerData(CreditItemEntryModel::TitleColumn, Qt::Horizontal).toString(), QStringLiteral("Title"));
    // A view's submit() (e.g. on a row change) validates but never stores.
    QVERIFY(!model->submit());
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(), 0);
}

void TestRecordEntry::errorsShowAfterEditOrSubmit()
{
    CreditItemEntryModel* model = itemModel(m_person);
    QSignalSpy errorChanged(model, &RecordEntryModel::fieldErrorChanged);
    QVERIFY(!model->isValid());
    QVERIFY(model->fieldErrors().isEmpty()); // nothing shown on an empty form
    QVERIFY(!model->allErrors().isEmpty());

    QVERIFY(model->setValue(CreditItemEntryModel::PersonalDataColumn, QStringLiteral("religion")));
    QCOMPARE(model->fieldErrors().keys(), QList<int>{CreditItemEntryModel::PersonalDataColumn});
    QVERIFY(!errorChanged.isEmpty());
    QCOMPARE(errorChanged.last().at(0).toInt(), int(CreditItemEntryModel::PersonalDataColumn));

    QVERIFY(model->setValue(CreditItemEntryModel::PersonalDataColumn, QString()));
    QVERIFY(model->fieldError(CreditItemEntryModel::PersonalDataColumn).isEmpty());
    QVERIFY(!model->submit());
    QVERIFY(model->fieldErrors().contains(CreditItemEntryModel::TitleColumn));
    QVERIFY(model->fieldErrors().contains(CreditItemEntryModel::BasisColumn));
    model->revert();
    QVERIFY(model->fieldErrors().isEmpty());
    QCOMPARE(model->value(CreditItemEntryModel::CategoryColumn).toString(), QStringLiteral("basic"));
}

void TestRecordEntry::categoryChangeClearsType()
{
    CreditItemEntryModel* model = itemModel(m_company);
    fillValidPenalty(model);
    QVERIFY(model->isValid());
    QVERIFY(model->setValue(CreditItemEntryModel::ItemTypeColumn, QStringLiteral("key_attention_listing")));
    QCOMPARE(model->value(CreditItemEntryModel::ListKindColumn).toString(), QStringLiteral("key_attention"));
    QVERIFY(model->setValue(CreditItemEntryModel::CategoryColumn, QStringLiteral("basic")));
    QVERIFY(model->value(CreditItemEntryModel::ItemTypeColumn).toString().isEmpty());
    QVERIFY(!model->isValid());
}

void TestRecordEntry::itemSaveCreatesPendingSubmission()
{
    CreditItemEntryModel* model = itemModel(m_person);
    fillValidPenalty(model);
    model->setValue(CreditItemEntryModel::PersonalDataColumn, QStringLiteral("income"));
    model->setValue(CreditItemEntryModel::ConsentRecordedColumn, true);
    model->setValue(CreditItemEntryModel::ConsentReferenceColumn, QStringLiteral("同意书 2025-07"));
    model->setValue(CreditItemEntryModel::SimplifiedProcedureColumn, true);
    model->setValue(CreditItemEntryModel::OverridingLegalBasisColumn, QStringLiteral("《某条例》第二十条"));
    QSignalSpy saved(model, &RecordEntryModel::saved);
    QString error;
    QVERIFY2(model->save(&error), qPrintable(error));
    QCOMPARE(saved.size(), 1);
    const qint64 id = saved.first().at(0).toLongLong();
    QCOMPARE(model->lastSubmissionId(), id);

    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM credit_items")).toInt(), 0);
    RecordSubmission s;
    QVERIFY(RecordSubmissionRepository(m_tdb->database()).findById(id, &s));
    QCOMPARE(s.status, SubmissionStatus::Pending);
    QCOMPARE(s.subjectId, m_person.id);
    QCOMPARE(s.payload.value(QStringLiteral("basis")).toString(), QStringLiteral("移交函 2025-031"));
    const QJsonObject personal = s.payload.value(QStringLiteral("personal_data")).toObject();
    QCOMPARE(personal.value(QStringLiteral("key")).toString(), QStringLiteral("income"));
    const QJsonObject consent = personal.value(QStringLiteral("consent")).toObject();
    QCOMPARE(consent.value(QStringLiteral("reference")).toString(), QStringLiteral("同意书 2025-07"));
    QCOMPARE(consent.value(QStringLiteral("recorded_by")).toString(), QStringLiteral("clerk1"));
    const QJsonObject collection = s.payload.value(QStringLiteral("collection")).toObject();
    QCOMPARE(collection.value(QStringLiteral("rule")).toString(), QStringLiteral("collection.legal_basis_override"));
    QCOMPARE(collection.value(QStringLiteral("legal_basis")).toString(), QStringLiteral("《某条例》第二十条"));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'record.submit'")).toInt(), 1);
}

void TestRecordEntry::itemSaveRefusedWhenInvalid()
{
    CreditItemEntryModel* model = itemModel(m_person);
    fillValidPenalty(model);
    model->setValue(CreditItemEntryModel::PersonalDataColumn, QStringLiteral("blood_type"));
    QString error;
    QVERIFY(!model->save(&error));
    QCOMPARE(error, model->fieldError(CreditItemEntryModel::PersonalDataColumn));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(), 0);

    auto* noSubject = new CreditItemEntryModel(RecordsFixture::session(*m_tdb), m_policies);
    m_owned.append(noSubject);
    noSubject->setToday(m_today);
    fillValidPenalty(noSubject);
    QVERIFY(!noSubject->save(&error));
    QVERIFY(error.contains(QLatin1String("subject")));

    // A role without EnterRecord is refused by the repository, whatever the form says.
    auto* reviewer = new CreditItemEntryModel(RecordsFixture::session(*m_tdb, Role::Reviewer), m_policies);
    m_owned.append(reviewer);
    reviewer->setToday(m_today);
    reviewer->setSubject(m_company);
    fillValidPenalty(reviewer);
    QVERIFY(reviewer->isValid());
    QVERIFY(!reviewer->save(&error));
    QCOMPARE(m_tdb->scalar(QStringLiteral("SELECT count(*) FROM record_submissions")).toInt(), 0);
}

void TestRecordEntry::subjectIdentifierChecks_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("contains");
    const QString code = RecordsFixture::companyCode(42);
    QString badCode = code;
    badCode[17] = badCode[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    const QString id = DemoCity::residentId(QStringLiteral("350206"), QDate(1985, 7, 9), 13);
    QString badId = id;
    badId[17] = badId[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    QTest::newRow("valid code") << QStringLiteral("legal_person") << code << true << QString();
    QTest::newRow("valid id, typed loosely")
        << QStringLiteral("natural_person") << id.toLower().insert(6, QLatin1Char(' ')) << true << QString();
    QTest::newRow("code check character")
        << QStringLiteral("legal_person") << badCode << false << QString(badCode.at(17));
    QTest::newRow("id check character") << QStringLiteral("natural_person") << badId << false << QString();
    QTest::newRow("id where a code belongs") << QStringLiteral("legal_person") << id << false << QString();
    QTest::newRow("too short") << QStringLiteral("natural_person") << id.left(16) << false << QStringLiteral("16");
    QTest::newRow("known") << QStringLiteral("legal_person") << RecordsFixture::companyCode(1) << false
                           << QStringLiteral("厦门鑫源科技有限公司");
}

void TestRecordEntry::subjectIdentifierChecks()
{
    QFETCH(QString, kind);
    QFETCH(QString, identifier);
    QFETCH(bool, valid);
    QFETCH(QString, contains);
    SubjectEntryModel model(RecordsFixture::session(*m_tdb));
    model.setToday(m_today);
    model.setValue(SubjectEntryModel::KindColumn, kind);
    model.setValue(SubjectEntryModel::IdentifierColumn, identifier);
    const QString error = model.fieldError(SubjectEntryModel::IdentifierColumn);
    if (valid) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        return;
    }
    QVERIFY(!error.isEmpty());
    if (!contains.isEmpty())
        QVERIFY2(error.contains(contains), qPrintable(error));
    if (model.identifierCheck().problem != IdentifierProblem::None)
        QCOMPARE(error, model.identifierCheck().message());
}

void TestRecordEntry::subjectDerivedFields()
{
    SubjectEntryModel model(RecordsFixture::session(*m_tdb));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setToday(m_today);
    model.setValue(SubjectEntryModel::KindColumn, QStringLiteral("natural_person"));
    model.setValue(SubjectEntryModel::IdentifierColumn,
                   DemoCity::residentId(QStringLiteral("350211"), QDate(1979, 2, 28), 21));
    QCOMPARE(model.value(SubjectEntryModel::DistrictColumn).toString(), QStringLiteral("350211"));
    QCOMPARE(model.value(SubjectEntryModel::EstablishedOnColumn).toDate(), QDate(1979, 2, 28));
    QCOMPARE(model.data(model.index(0, SubjectEntryModel::DistrictColumn)).toString(),
             XiamenDistricts::displayName(QStringLiteral("350211")));
    model.setValue(SubjectEntryModel::EstablishedOnColumn, QDate(1979, 3, 1));
    QVERIFY(model.fieldError(SubjectEntryModel::EstablishedOnColumn).contains(QLatin1String("1979-02-28")));
    model.setValue(SubjectEntryModel::StatusColumn, QStringLiteral("in_business"));
    QVERIFY(!model.fieldError(SubjectEntryModel::StatusColumn).isEmpty());
    QVERIFY(!(model.flags(model.index(0, SubjectEntryModel::IdentifierOverrideColumn)) & Qt::ItemIsEditable));
}

void TestRecordEntry::subjectOverrideNeedsSupervisor()
{
    SubjectEntryModel model(RecordsFixture::session(*m_tdb));
    model.setToday(m_today);
    QString bad = RecordsFixture::companyCode(43);
    bad[17] = bad[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    model.setValue(SubjectEntryModel::KindColumn, QStringLiteral("legal_person"));
    model.setValue(SubjectEntryModel::IdentifierColumn, bad);
    QVERIFY(model.identifierCheck().isChecksumFailure());
    QVERIFY(!model.fieldError(SubjectEntryModel::IdentifierColumn).isEmpty());
    // Nothing is derived from an identifier that is not accepted (yet).
    QVERIFY(model.value(SubjectEntryModel::DistrictColumn).toString().isEmpty());

    IdentifierOverride byClerk{bad, QStringLiteral("clerk2"), QStringLiteral("原件核对"),
                               QDateTime(QDate(2025, 6, 15), QTime(10, 0), Qt::UTC)};
    model.setIdentifierOverride(byClerk);
    QVERIFY2(model.fieldError(SubjectEntryModel::IdentifierColumn).contains(QLatin1String("supervisor")),
             qPrintable(model.fieldError(SubjectEntryModel::IdentifierColumn)));

    IdentifierOverride bySupervisor = byClerk;
    bySupervisor.supervisor = QStringLiteral("super1");
    model.setIdentifierOverride(bySupervisor);
    QVERIFY2(model.fieldError(SubjectEntryModel::IdentifierColumn).isEmpty(),
             qPrintable(model.fieldError(SubjectEntryModel::IdentifierColumn)));
    QVERIFY(model.value(SubjectEntryModel::IdentifierOverrideColumn).toString().contains(QLatin1String("super1")));
    // Accepted on the override, the identifier fills the district as an accepted one does when it is entered.
    QCOMPARE(model.value(SubjectEntryModel::DistrictColumn).toString(), bad.mid(2, 6));

    model.setValue(SubjectEntryModel::NameColumn, QStringLiteral("厦门校验例外有限公司"));
    model.setValue(SubjectEntryModel::BasisColumn, QStringLiteral("营业执照原件"));
    QString error;
    QVERIFY2(model.save(&error), qPrintable(error));
    Subject stored;
    QVERIFY(SubjectRepository(m_tdb->database()).findById(model.lastSubjectId(), &stored));
    QVERIFY(stored.hasIdentifierOverride);
    QCOMPARE(stored.identifierOverride.supervisor, QStringLiteral("super1"));
    QCOMPARE(stored.district, bad.mid(2, 6));

    // A person accepted on an override is stored with the district and the birth date of the identifier.
    SubjectEntryModel person(RecordsFixture::session(*m_tdb));
    person.setToday(m_today);
    QString badId = DemoCity::residentId(QStringLiteral("350205"), QDate(1988, 11, 2), 77);
    badId[17] = badId[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    person.setValue(SubjectEntryModel::KindColumn, QStringLiteral("natural_person"));
    person.setValue(SubjectEntryModel::IdentifierColumn, badId);
    QVERIFY(person.identifierCheck().isChecksumFailure());
    QVERIFY(!person.value(SubjectEntryModel::EstablishedOnColumn).toDate().isValid());
    IdentifierOverride forPerson = bySupervisor;
    forPerson.identifier = badId;
    person.setIdentifierOverride(forPerson);
    QCOMPARE(person.value(SubjectEntryModel::EstablishedOnColumn).toDate(), QDate(1988, 11, 2));
    QCOMPARE(person.value(SubjectEntryModel::DistrictColumn).toString(), QStringLiteral("350205"));
    person.setValue(SubjectEntryModel::NameColumn, QStringLiteral("陈校验"));
    person.setValue(SubjectEntryModel::BasisColumn, QStringLiteral("户口簿复印件"));
    QVERIFY2(person.save(&error), qPrintable(error));
    QVERIFY(SubjectRepository(m_tdb->database()).findById(person.lastSubjectId(), &stored));
    QVERIFY(stored.hasIdentifierOverride);
    QCOMPARE(stored.establishedOn, QDate(1988, 11, 2));
    QCOMPARE(stored.district, QStringLiteral("350205"));

    // Changing the identifier drops the override.
    SubjectEntryModel second(RecordsFixture::session(*m_tdb));
    second.setToday(m_today);
    second.setValue(SubjectEntryModel::IdentifierColumn, bad);
    second.setIdentifierOverride(bySupervisor);
    second.setValue(SubjectEntryModel::IdentifierColumn, RecordsFixture::companyCode(44));
    QVERIFY(!second.hasIdentifierOverride());
    QVERIFY(second.value(SubjectEntryModel::IdentifierOverrideColumn).toString().isEmpty());
}

void TestRecordEntry::subjectSaveCreatesLocalSubject()
{
    SubjectEntryModel model(RecordsFixture::session(*m_tdb));
    model.setToday(m_today);
    QString error;
    QVERIFY(!model.save(&error));
    QVERIFY(!error.isEmpty());
    model.setValue(SubjectEntryModel::KindColumn, displayName(SubjectKind::IndividualBusiness));
    model.setValue(SubjectEntryModel::IdentifierColumn,
                   DemoCity::creditCode(QStringLiteral("92"), QStringLiteral("350206"), QStringLiteral("MA000777")));
    model.setValue(SubjectEntryModel::NameColumn, QStringLiteral("厦门市湖里区阿明小吃店"));
    model.setValue(SubjectEntryModel::LegalRepresentativeColumn, QStringLiteral("陈阿明"));
    model.setValue(SubjectEntryModel::StatusColumn, RegistrationStatus::displayName(QStringLiteral("in_business")));
    model.setValue(SubjectEntryModel::BasisColumn, QStringLiteral("个体工商户营业执照"));
    QVERIFY2(model.isValid(), qPrintable(model.allErrors().values().join(QLatin1Char('\n'))));
    QVERIFY2(model.save(&error), qPrintable(error));
    Subject stored;
    QVERIFY(SubjectRepository(m_tdb->database()).findById(model.lastSubjectId(), &stored));
    QCOMPARE(stored.kind, SubjectKind::IndividualBusiness);
    QCOMPARE(stored.origin, RecordOrigin::Local);
    QCOMPARE(stored.district, QStringLiteral("350206"));
    QCOMPARE(stored.status, QStringLiteral("in_business"));
    RecordSubmission s;
    QVERIFY(RecordSubmissionRepository(m_tdb->database()).findById(model.lastSubmissionId(), &s));
    QCOMPARE(s.kind, SubmissionKind::Subject);
    QCOMPARE(s.status, SubmissionStatus::Pending);
    // The same identifier cannot be entered twice.
    SubjectEntryModel again(RecordsFixture::session(*m_tdb));
    again.setValue(SubjectEntryModel::IdentifierColumn, stored.identifier);
    QVERIFY(again.fieldError(SubjectEntryModel::IdentifierColumn).contains(stored.name));
}

QTEST_GUILESS_MAIN(TestRecordEntry)
#include "TestRecordEntry.moc"
