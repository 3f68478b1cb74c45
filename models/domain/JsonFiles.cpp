#include "JsonFiles.h"

#include <QDir>
#include <QFile>

namespace JsonFiles {

bool loadFile(const QString& path, const QString& cannotRead,
              const std::function<bool(const QByteArray& json, QString* error)>& load, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = cannotRead.arg(path, file.errorString());
        return false;
    }
    QString problem;
    if (!load(file.readAll(), &problem)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, problem);
        return false;
    }
    return true;
}

bool loadFolder(const QString& path, const QString& missing,
                const std::function<bool(const QString& file, QString* error)>& loadOne, QString* error)
{
    const QDir dir(path);
    if (!dir.exists()) {
        if (error)
            *error = missing.arg(path);
        return false;
    }
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        if (!loadOne(dir.filePath(name), error))
            return false;
    }
    return true;
}

} // namespace JsonFiles
