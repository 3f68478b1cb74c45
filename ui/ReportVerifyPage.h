#pragma once

#include "domain/PolicyRegistry.h"
#include "storage/Session.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Is a presented report genuine? The clerk types its number and verification code, or scans its QR code with a
// reader that types into the number field (the text starts with "XMCR1;"): the answer says genuine, wrong code,
// unknown number, damaged or throttled, and for a genuine report shows what it contained. Every check is recorded
// and audited; repeated wrong codes pause verification (ReportRepository::verify).
//
// Object names for tests: numberEdit, codeEdit, verifyButton, resultLabel, contentView.
class ReportVerifyPage : public QWidget
{
    Q_OBJECT
public:
    ReportVerifyPage(const Session& session, const PolicyRegistry& policies, QWidget* parent = nullptr);

public slots:
    void verify();

private:
    Session m_session;
    PolicyRegistry m_policies; // a copy: the dialog may outlive the caller's registry
    QLineEdit* m_number = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_verify = nullptr;
    QLabel* m_result = nullptr;
    QPlainTextEdit* m_content = nullptr;
};
