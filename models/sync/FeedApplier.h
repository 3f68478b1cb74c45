#pragma once

#include "FeedPage.h"
#include "storage/Session.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

class BulkLoad;
class PlatformWritePermit;

// The platform this workstation is enrolled with (table sync_enrolment, written once).
struct SyncEnrolmentInfo
{
    bool enrolled = false;
    QString platformId;
    QByteArray publicKey; // Ed25519, 32 bytes
    QString url;
    QString enrolledBy;
    QString enrolledAt;
};

namespace SyncEnrolment {
bool read(const QSqlDatabase& db, SyncEnrolmentInfo* info, QString* error = nullptr);
// Pins the platform's key (Permission::ConfigureSync); once only, audited as sync.enrol.
bool enrol(const Session& session, const QString& platformId, const QByteArray& publicKey, const QString& url,
           QString* error = nullptr);
} // namespace SyncEnrolment

// What an import did.
struct SyncReport
{
    int pagesApplied = 0;
    int pagesSkipped = 0;           // applied before (their cursor is the stored one)
    QMap<QString, int> applied;     // stream -> changes written
    QMap<QString, int> unchanged;   // stream -> changes whose version was not newer
    QMap<QString, QString> cursors; // stream -> cursor after the import
    qint64 durationMs = 0;
    // The push of an online sync (SyncClient::sync): the platform's answers to the entries sent, and what is left.
    int pushedAccepted = 0;
    int pushedConflicts = 0;
    int pushedRejected = 0;
    int pendingOutbox = 0;
    int outboxConflicts = 0; // every conflict or rejection recorded so far (shown to the user)
};

// Applies verified pages of the platform's feed (PROTOCOL.md): every page is verified before anything is applied,
// then all of them, their cursors and one audit entry per page are written in one transaction under a platform
// write permit. Idempotent: a page applied before is skipped, and a change never overwrites a newer version.
class FeedApplier
{
public:
    enum class Failure {
        None,
        Denied,      // the role may not import
        NotEnrolled, // no platform key pinned
        Malformed,   // not of the protocol's form (truncated, bad JSON, bad change): nothing applied
        Signature,   // a signature does not verify: nothing applied
        OutOfOrder,  // a page does not continue from the stored cursor (a replay, a gap): nothing applied
        Storage,     // the database failed: nothing applied
    };
    struct Result
    {
        Failure failure = Failure::None;
        QString message;
        bool ok() const { return failure == Failure::None; }
    };

    // A package is read whole; anything larger is refused before it is parsed.
    static constexpr qsizetype MaxPackageBytes = qsizetype(1) << 30;

    explicit FeedApplier(const Session& session);
    ~FeedApplier(); // undoes an import not finished
    FeedApplier(const FeedApplier&) = delete;
    FeedApplier& operator=(const FeedApplier&) = delete;

    // An offline exchange package (PROTOCOL.md, section 4): applied whole or not at all.
    Result applyPackage(const QByteArray& bytes, SyncReport* report);
    // Signed page lines, in order, in one transaction: begin, add and finish in one call.
    Result applyLines(const QList<QByteArray>& lines, SyncReport* report);

    // An import in parts, for a first sync streamed from the platform (SyncClient): begin() opens one transaction
    // under a platform write permit, on the bulk path when bulkAllowed and the records tables are empty; every add()
    // verifies more lines and applies them in order (the pages verified on the other cores while this thread
    // applies); finish() makes the indexes and triggers again after a bulk load and commits. A failing call undoes
    // the whole import (nothing applied) and *report is cleared; an import not finished is undone when the applier
    // is destroyed. The whole city in one transaction: memory holds one add()'s pages, not the city.
    Result begin(bool bulkAllowed, SyncReport* report);
    Result add(const QList<QByteArray>& lines);
    Result finish();
    bool importing() const { return m_permit != nullptr; }

    // Writes a package of signed lines with its header signed by the platform (the platform's side; the reference
    // platform and the tests use it).
    static QByteArray makePackage(const QString& platformId, const QList<QByteArray>& signedLines,
                                  const SecureBytes& platformSeed);

    // Whether the last import took the bulk path (a first sync into empty records tables).
    bool usedBulkPath() const { return m_usedBulk; }

private:
    // A page's subjects or credit items read from their JSON on the verifying thread (FeedApplier.cpp).
    struct ReadRecords;
    Result applyPage(const FeedPage& page, const ReadRecords& read, class PlatformWritePermit& permit,
                     SyncReport* report);
    Result undo(const Result& r);
    // Leaves the bulk path (indexes and triggers back) before a change that needs them.
    bool endBulk(QString* error);

    Session m_session;
    // The bulk path of a first sync: plain inserts into the empty tables with their indexes and triggers dropped
    // (BulkLoad), the platform ids written so far kept here instead of looked up.
    class BulkLoad* m_bulk = nullptr;
    bool m_usedBulk = false;
    std::unique_ptr<class PlatformWritePermit> m_permit;
    std::unique_ptr<BulkLoad> m_bulkLoad;
    SyncEnrolmentInfo m_enrolment;
    SyncReport* m_report = nullptr;
    QElapsedTimer m_timer;
    int m_pagesSeen = 0;
    QHash<QString, qint64> m_subjectIds;
    // The items' platform ids loaded on the bulk path, as 64-bit hashes (ten million ids as text would take a
    // gigabyte): a repeat leaves the bulk path; a collision, once in billions, only leaves it early.
    QSet<size_t> m_itemIds;
    QHash<QString, qint64> m_ownerIds; // subjects' local ids by platform id, looked up in this run
};
