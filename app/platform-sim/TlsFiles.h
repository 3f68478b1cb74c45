#pragma once

#include <QString>

// The reference platform's TLS identity on loopback: its own certificate authority (ca.pem, the file a workstation
// pins at enrolment) and a server certificate it signs for 127.0.0.1 and localhost (server.pem, server.key). Made
// with libcrypto the first time a platform directory needs them; the private keys are owner-only files.
namespace TlsFiles {

QString caPath(const QString& dir);
QString certificatePath(const QString& dir);
QString keyPath(const QString& dir);

// Makes the three files unless they all exist. False with *error set on failure.
bool ensure(const QString& dir, QString* error);

} // namespace TlsFiles
