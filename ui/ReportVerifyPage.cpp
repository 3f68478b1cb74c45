#include "ReportVerifyPage.h"

#include "reports/ReportRepository.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ReportVerifyPage::ReportVerifyPage(const Session& session, const PolicyRegistry& policies, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_policies(policies)
{
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Verify a presented credit report: type its number and verification code, or scan "
                                  "its QR code into the number field."),
                               this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto* form = new QFormLayout;
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("numberEdit"));
    m_number->setMaxLength(400);
    m_number->setPlaceholderText(QStringLiteral("XMR20261204-XXXX-0001"));
    auto* numberLabel = new QLabel(tr("Report &number:"), this);
    numberLabel->setBuddy(m_number);
    form->addRow(numberLabel, m_number);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_code->setMaxLength(20);
    m_code->setPlaceholderText(QStringLiteral("XXXX-XXXX-XXXX"));
    auto* codeLabel = new QLabel(tr("Verification &code:"), this);
    codeLabel->setBuddy(m_code);
    form->addRow(codeLabel, m_code);
    layout->addLayout(form);
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setDefault(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_verify);
    row->addStretch(1);
    layout->addLayout(row);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    layout->addWidget(m_result);
    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("contentView"));
    m_content->setReadOnly(true);
    m_content->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_content, 1);

    connect(m_verify, &QPushButton::clicked, this, &ReportVerifyPage::verify);
    connect(m_code, &QLineEdit::returnPressed, this, &ReportVerifyPage::verify);
    connect(m_number, &QLineEdit::returnPressed, this, [this] {
        // A QR reader ends its text with Enter: verify at once; a typed number moves on to the code.
        if (m_number->text().trimmed().startsWith(QLatin1String("XMCR1;")))
            verify();
        else
            m_code->setFocus();
    });
    setFocusProxy(m_number);
}

void ReportVerifyPage::verify()
{
    ReportRepository reports(m_session, m_policies);
    const QString number = m_number->text().trimmed();
    const ReportVerification v = number.startsWith(QLatin1String("XMCR1;")) ? reports.verifyPayload(number)
                                                                            : reports.verify(number, m_code->text());
    const bool genuine = v.result == ReportVerification::Result::Genuine;
    m_result->setStyleSheet(genuine ? QStringLiteral("color: #2e7d32; font-weight: bold;")
                                    : QStringLiteral("color: #c62828; font-weight: bold;"));
    m_result->setText(genuine ? tr("%1 Copies printed: %2.").arg(v.message).arg(v.report.copies) : v.message);
    m_content->setPlainText(genuine ? v.report.content.toText() : QString());
    m_number->selectAll();
    m_number->setFocus();
}
