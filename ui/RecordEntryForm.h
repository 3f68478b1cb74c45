#pragma once

#include "domain/PolicyRegistry.h"
#include "records/RecordTypes.h"
#include "storage/Session.h"

#include <QPointer>
#include <QWidget>

class CreditItemEntryModel;
class EntryFormBinder;
class EntryFormFooter;
class QAction;
class QLabel;

// The form a clerk enters a credit item handed over on paper with, for the subject open in the subject view. It
// edits a CreditItemEntryModel through a QDataWidgetMapper (EntryFormBinder): keyed choices fed from the policy
// in force with their Chinese (or English) labels, dates, text and flags, each field's error in red under it
// (prohibited personal data refused with the rule's reason, consent required and recorded, the simplified
// procedure excluded without a legal basis, the legal document number of a dishonest item, …).
//
// Ctrl+S or Save stores it as a record submission awaiting the platform (never a platform item; audited) and
// shows its status; the form is then emptied for the next item of the same paper (the "handed over with" field
// is kept). A refused save moves the focus to the first field in error. Alt+Left (Back) returns to the subject
// view.
//
// Object names for tests: subjectLabel, statusLabel, saveButton, clearButton, backButton, and per field
// "<field>Edit" / "<field>Error" (see EntryFormBinder), e.g. personalDataKeyEdit, personalDataKeyError.
class RecordEntryForm : public QWidget
{
    Q_OBJECT
public:
    RecordEntryForm(const Session& session, const PolicyRegistry& policies, QWidget* parent = nullptr);

    // The subject the items are for; a different subject empties the form. An invalid subject (id 0) disables it.
    void setSubject(const Subject& subject);
    const Subject& subject() const { return m_subject; }

    CreditItemEntryModel* model() const { return m_model; }
    EntryFormBinder* binder() const { return m_binder; }
    void setBackAction(QAction* action) { m_backAction = action; }

public slots:
    bool save();
    void clear();

signals:
    void saved(qint64 subjectId, qint64 submissionId);

private:
    Session m_session;
    Subject m_subject;
    CreditItemEntryModel* m_model = nullptr;
    EntryFormBinder* m_binder = nullptr;
    QWidget* m_fields = nullptr;
    QLabel* m_subjectLabel = nullptr;
    EntryFormFooter* m_footer = nullptr;
    QPointer<QAction> m_backAction;
};
