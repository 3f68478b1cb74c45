#pragma once

#include "FeedApplier.h"
#include "storage/Session.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>

// How this workstation reaches the platform over HTTPS (table sync_transport, 0010): the address, the platform's CA
// certificate (pinned: the only authority trusted for it) and the device token, kept only in the encrypted database.
struct SyncTransport
{
    bool present = false;
    QUrl url;
    QByteArray caPem;
    QByteArray token;
    QString setBy;
    QString setAt;
};

namespace SyncTransportStore {
// The newest transport row (present false when there is none).
bool read(const QSqlDatabase& db, SyncTransport* transport, QString* error = nullptr);
// Appends a transport row with a signed audit entry (sync.transport: the address and the CA's SHA-256, never the
// token). Permission::ConfigureSync.
bool write(const Session& session, const SyncTransport& transport, QString* error = nullptr);
// SHA-256 (hex) of the first certificate in pem, or empty when pem holds none.
QString caFingerprint(const QByteArray& pem);
} // namespace SyncTransportStore

// Where a pull stands: the pages pulled so far of the pages the platform announced as waiting (GET /v1/streams,
// PROTOCOL.md; not signed, used for this display only), and the time left at the pace so far.
struct SyncProgress
{
    int pagesDone = 0;
    int pagesTotal = 0; // 0: the platform announced nothing (an older platform): no time left either
    qint64 elapsedMs = 0;
    qint64 remainingMs = -1; // -1: not known yet
    bool firstSync = false;
    // "1,200 of 12,000 pages (10%), about 6 minutes left", translated.
    QString describe() const;
};

// The workstation's side of the HTTPS transport (PROTOCOL.md section 5). Synchronous: it runs its own event loop, so
// it belongs in a worker thread (the GUI's background sync) or a command-line program, never on the GUI thread.
//
// A sync pulls, then pushes (PROTOCOL.md section 6). Pulling reads each stream's pages after its stored cursor until
// the platform answers 204, a batch of pages at a time, and hands each batch to FeedApplier (verified whole before
// anything is applied, one transaction). Network failures, timeouts and 5xx answers are retried with backoff; a page
// the applier refuses (bad signature, truncated, out of order) stops the pull with nothing of its batch applied except
// the pages before it, and is audited (sync.refused). A kill at any moment leaves every batch applied or not: the next
// pull continues from the cursors.
//
// The audit head as anchor: before pulling, the client asks the platform for the newest audit head this workstation
// reported (GET /v1/anchor) and refuses to go on (RolledBack, audited as sync.rollback) when this database does not
// hold that entry with that hash: the database and its key vault were put back together from an older copy, which
// nothing on the workstation alone can see. After a successful pull it reports its current head (POST /v1/anchor).
class SyncClient
{
public:
    enum class Failure {
        None,
        Denied,       // the role may not sync or enrol
        NotEnrolled,  // no platform key or no transport
        Network,      // the platform could not be reached (after retries), or did not answer in time
        Tls,          // the platform's certificate is not signed by the pinned CA, or is for another name
        Unauthorized, // the platform refused the device token or the enrolment code
        Platform,     // the platform answered with an error
        Refused,      // a page was refused (pageFailure says why); the pages before it were applied
        Storage,      // the database failed
        Cancelled,
        RolledBack, // the platform holds an audit head this database does not have: an older copy was put back
    };
    struct Result
    {
        Failure failure = Failure::None;
        FeedApplier::Failure pageFailure = FeedApplier::Failure::None;
        QString message; // translated
        bool ok() const { return failure == Failure::None; }
    };
    struct Options
    {
        int timeoutMs = 30000; // per request, from the last byte received
        int attempts = 4;      // per request, for network failures and 5xx answers
        int backoffMs = 500;   // doubled after each failed attempt
        int pagesPerBatch = 20;
        // A first sync as one import (one transaction, the bulk path throughout, the database's write lock held
        // until the city is in). Off: batches of 200 pages each committed on its own (the first on the bulk path),
        // so the window's own writes go on between them (BackgroundSync).
        bool firstSyncInOneImport = true;
        // Called from the sync's own thread before the pull and after each batch of pages applied: marshal it to
        // the GUI thread.
        std::function<void(const SyncProgress&)> progress;
    };

    explicit SyncClient(const Session& session);
    SyncClient(const Session& session, const Options& options);

    // Online enrolment: POST /v1/enrol with a single-use code over TLS trusting only caPem; pins the platform's key
    // (or checks it against the one pinned by an offline enrolment) and stores the transport.
    Result enrol(const QUrl& url, const QByteArray& caPem, const QString& code, SyncEnrolmentInfo* enrolment);
    // One sync: checks the audit anchor, pulls every stream the workstation applies, pushes the outbox (Outbox: what
    // this window did, in batches, each entry under its idempotency key; the answers recorded, conflicts kept and
    // audited) and reports the audit head. What was pulled or pushed before a failure stays done.
    Result sync(SyncReport* report);
    // From any thread: the request in flight is aborted and sync() returns Cancelled.
    void cancel() { m_cancelled = true; }

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
    };
    // network: one per pull or enrolment, in its thread, so connections are reused from one request to the next.
    Result request(class QNetworkAccessManager& network, const QUrl& url, const QByteArray& caPem,
                   const QByteArray& token, const QByteArray& postBody, Answer* answer);
    Result refused(const QString& stream, const QString& cursor, const FeedApplier::Result& applied);
    Result checkAnchor(QNetworkAccessManager& network, const SyncTransport& transport);
    Result reportAnchor(QNetworkAccessManager& network, const SyncTransport& transport);
    Result push(QNetworkAccessManager& network, const SyncTransport& transport, SyncReport* report);

    Session m_session;
    Options m_options;
    std::atomic<bool> m_cancelled{false};
};
