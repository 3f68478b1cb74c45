#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Slows down repeated failed logins, per workstation and typed username.
//
// The state (failure count and time of the last failure per username) lives in a small JSON file OUTSIDE the
// workstation directory, so that a failed login changes no file of the workstation (the vault and the database
// stay byte-for-byte as they were): $XMCREDIT_STATE_DIR, else <AppLocalDataLocation>/login-state, one file per
// workstation named after a hash of its canonical path (symlinks resolved). The directory and files are owner-only
// (0700/0600), and a username is kept only as a keyed BLAKE2b hash (key in throttle.key beside them), so the file
// never holds what was typed in the user field. The first FreeAttempts failures cost nothing; after that
// each attempt must wait 5 s, doubling with each further failure, up to 15 minutes. A success resets the count.
//
// Limits: this is a speed bump for guessing at the workstation's own login (GUI and CLI). Whoever can delete the
// state file, or copies the vault elsewhere, is slowed down only by Argon2id's cost per guess. If the state file
// cannot be written, logins are not blocked (fail-open) and a warning is logged.
//
// Thread-safe: every call takes a process-wide lock and reads/writes the file.
class LoginThrottle
{
public:
    static constexpr int FreeAttempts = 3;
    static constexpr int FirstDelaySeconds = 5;
    static constexpr int MaxDelaySeconds = 15 * 60;

    explicit LoginThrottle(const QString& workstationDir);

    // Delay that applies after `failures` consecutive failures (0 while failures <= FreeAttempts - 1).
    static int delayAfterFailures(int failures);
    static QString stateDirectory();
    QString stateFilePath() const { return m_stateFile; }

    // Seconds the user must still wait before the next attempt is even checked (0 = go ahead).
    int secondsToWait(const QString& username, const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    int failures(const QString& username) const;
    // knownUser: whether the name was a member of staff (a wrong password) or not (an unknown name).
    void recordFailure(const QString& username, const QDateTime& now = QDateTime::currentDateTimeUtc(),
                       bool knownUser = true);
    void recordSuccess(const QString& username);

    // Failed logins waiting to be written into the workstation's audit trail: every failure is also kept in the
    // state file (at most MaxPending, the oldest dropped and counted) until the next successful login writes them
    // into the audit trail as one entry (login.failures) and takes them out with takePending().
    static constexpr int MaxPending = 500;
    struct PendingFailure
    {
        QString nameTag; // the keyed hash of the typed name (16 hex digits): equal tags, equal names
        QDateTime at;
        bool knownUser = true;
    };
    QList<PendingFailure> pendingFailures(int* dropped = nullptr) const;
    // Removes the first `count` pending failures (those just written) and the dropped count.
    void takePending(int count);
    // The tag a typed name has in pendingFailures().
    static QString nameTag(const QString& username);

private:
    QString m_stateFile;
};
