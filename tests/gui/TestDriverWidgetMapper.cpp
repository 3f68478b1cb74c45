// QDataWidgetMapper over a QSqlTableModel on the QSQLCIPHER driver: the form pattern the record entry screens use.
#include "storage/SecureBytes.h"
#include "storage/SqlCipherDriver.h"

#include <QDataWidgetMapper>
#include <QLineEdit>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTest>

class TestDriverWidgetMapper : public QObject
{
    Q_OBJECT

private slots:
    void editsARowThroughTheMapper()
    {
        SqlCipherDriver::registerDriver();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("mapper.db"));
        SqlCipherKeyRing::setKey(path, SecureBytes::random(32));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLCIPHER"), QStringLiteral("mapper"));
        db.setDatabaseName(path);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)")));
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO person (name, age) VALUES ('张三', 30), ('李四', 41), ('王五', 52)")));

        {
            QSqlTableModel model(nullptr, db);
            model.setTable(QStringLiteral("person"));
            model.setEditStrategy(QSqlTableModel::OnManualSubmit);
            model.setSort(0, Qt::AscendingOrder);
            QVERIFY(model.select());

            QWidget form;
            auto* name = new QLineEdit(&form);
            auto* age = new QSpinBox(&form);
            age->setRange(0, 150);
            QDataWidgetMapper mapper;
            mapper.setModel(&model);
            mapper.setSubmitPolicy(QDataWidgetMapper::ManualSubmit);
            mapper.addMapping(name, 1);
            mapper.addMapping(age, 2);
            mapper.setCurrentIndex(1);
            QCOMPARE(name->text(), QStringLiteral("李四"));
            QCOMPARE(age->value(), 41);

            name->setText(QStringLiteral("李四（已改）"));
            age->setValue(42);
            QVERIFY(mapper.submit());
            QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));

            // submitAll() reselects, which resets the mapper to the first row.
            mapper.setCurrentIndex(1);
            QCOMPARE(name->text(), QStringLiteral("李四（已改）"));
            QCOMPARE(age->value(), 42);
            mapper.toNext();
            QCOMPARE(name->text(), QStringLiteral("王五"));
        }

        QVERIFY(q.exec(QStringLiteral("SELECT name, age FROM person WHERE id = 2")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("李四（已改）"));
        QCOMPARE(q.value(1).toInt(), 42);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM person")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }
};

QTEST_MAIN(TestDriverWidgetMapper)
#include "TestDriverWidgetMapper.moc"
