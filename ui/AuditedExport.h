#pragma once

#include "storage/Session.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Exports that leave the workstation (CSV of cases, of audit entries): each is audited before the file appears, so an
// export that cannot be audited is not made, and the file is UTF-8 with a byte-order mark (for spreadsheets).
namespace AuditedExport {
// A CSV field, quoted, with its quotes doubled.
QString csvField(const QString& value);
// Audits action (object: the file's name; basis; details) by the session's user, then writes lines to path. False
// with error set when either fails (nothing is written then).
bool writeCsv(const Session& session, const QString& path, const QStringList& lines, const QString& action,
              const QString& basis, const QJsonObject& details, QString* error);
} // namespace AuditedExport
