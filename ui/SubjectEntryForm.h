#pragma once

#include "SupervisorOverrideDialog.h"

#include "domain/PolicyRegistry.h"
#include "storage/Session.h"

#include <QPointer>
#include <QWidget>

class EntryFormBinder;
class EntryFormFooter;
class QPushButton;
class SubjectEntryModel;

// The form for a person or organisation that is not on the platform yet, on a SubjectEntryModel (see
// EntryFormBinder for the editors and their error labels). The identifier is checked as the kind requires; when it
// fails only its checksum, "Supervisor Override…" lets a supervisor sign it (SupervisorOverrideDialog). Ctrl+S
// saves it as a local subject plus a submission awaiting the platform; then "Open This Subject" opens it (asking
// for the basis like any query).
//
// Object names for tests: statusLabel, saveButton, clearButton, overrideButton, openButton, and per field
// "<field>Edit" / "<field>Error", e.g. identifierEdit, identifierError.
class SubjectEntryForm : public QWidget
{
    Q_OBJECT
public:
    SubjectEntryForm(const Session& session, const PolicyRegistry& policies, QWidget* parent = nullptr);

    SubjectEntryModel* model() const { return m_model; }
    EntryFormBinder* binder() const { return m_binder; }
    // The override dialog while it is open, else null.
    SupervisorOverrideDialog* overrideDialog() const { return m_overrideDialog; }

public slots:
    bool save();
    void clear();
    void askOverride();

signals:
    void saved(qint64 subjectId, qint64 submissionId);
    // "Open This Subject" after a save.
    void openRequested(qint64 subjectId, const QString& caption);

private:
    void updateOverrideButton();

    Session m_session;
    SubjectEntryModel* m_model = nullptr;
    EntryFormBinder* m_binder = nullptr;
    EntryFormFooter* m_footer = nullptr;
    QPushButton* m_override = nullptr;
    QPushButton* m_open = nullptr;
    qint64 m_savedSubjectId = 0;
    QString m_savedCaption;
    QPointer<SupervisorOverrideDialog> m_overrideDialog;
};
