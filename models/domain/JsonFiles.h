#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

// Data kept as JSON files (policy profiles, holiday calendar years): one file, or every *.json of a folder in name
// order, handed to the loader of its kind. Each returns false with *error set at the first failure.
namespace JsonFiles {

// Reads the file at path and gives its bytes to load. When the file cannot be read, *error is cannotRead with %1
// the path and %2 the reason; when load refuses it, load's reason after the path.
bool loadFile(const QString& path, const QString& cannotRead,
              const std::function<bool(const QByteArray& json, QString* error)>& load, QString* error);

// Calls loadOne(file, error) for every *.json file of the folder at path. When there is no such folder, *error is
// missing with %1 the path.
bool loadFolder(const QString& path, const QString& missing,
                const std::function<bool(const QString& file, QString* error)>& loadOne, QString* error);

} // namespace JsonFiles
