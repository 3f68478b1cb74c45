#include "AuditedExport.h"

#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace AuditedExport {

QString csvField(const QString& value)
{
    QString v = value;
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

bool writeCsv(const Session& session, const QString& path, const QStringList& lines, const QString& action,
              const QString& basis, const QJsonObject& details, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error =
                QCoreApplication::translate("AuditedExport", "%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    AuditEntry entry;
    entry.actor = session.username;
    entry.action = action;
    entry.objectType = QStringLiteral("file");
    entry.objectId = QFileInfo(path).fileName();
    entry.basis = basis;
    entry.details = details;
    QSqlDatabase db = session.database();
    QString why;
    if (!AuditLog::append(db, entry, &why)) {
        if (error)
            *error =
                QCoreApplication::translate("AuditedExport", "The export is not made, because it cannot be audited: %1")
                    .arg(why);
        file.cancelWriting();
        return false;
    }
    const QByteArray bytes = (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    if (file.write("\xEF\xBB\xBF") < 0 || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error =
                QCoreApplication::translate("AuditedExport", "%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace AuditedExport
