#pragma once

#include "storage/SecureBytes.h"

#include <QAbstractHttpServer>
#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QTcpSocket;

// The reference platform's HTTPS side (models/sync/PROTOCOL.md, section 5), on loopback:
//   POST /v1/enrol                          {"code", "workstation"} -> {"platformId", "publicKey", "deviceToken"}
//   GET  /v1/streams/{stream}/pages?after=C  one signed page line, 204 when nothing is newer, 401 without a token
//   GET  /v1/anchor                          the newest audit head this workstation reported: {"seq", "hash"}, 204 none
//   POST /v1/anchor  {"seq", "hash"}         reports the workstation's audit head; 409 when older than the one held
//   POST /v1/outbox  {"workstation", "entries"}  the window's work (PROTOCOL.md section 6): one answer per entry,
//                                            accepted, conflict or rejected; idempotent by key (DIR/outbox.json)
//   POST /v1/sim/publish?changes=N           (the simulator's own command) publishes N later changes to items
//   POST /v1/sim/case-move?case=NO&state=S   (the simulator's own command) moves a case as another window would
// Enrolment codes are single-use; device tokens are kept as SHA-256 hashes in DIR/devices.json so a restarted
// platform still knows its workstations. Faults for the tests are injected into page requests on demand.
class PlatformServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        QString dir; // the platform's directory: its key, TLS files and devices.json
        QString platformId;
        QStringList enrolmentCodes;
        int perPage = 1000;
        // Faults on page requests: "" none, or drop (the connection is closed unanswered), 500, slow (answered
        // after slowMs), stall (half an answer, then nothing), bad-signature, truncated, duplicate (the page before
        // again), out-of-order (the page after the next). Every faultEvery-th page request gets it. Pushes to the
        // outbox get drop, 500 and slow too, and lost-answer (the entries taken, the answer never sent).
        QString fault;
        int faultEvery = 3;
        int slowMs = 3000;
    };

    PlatformServer(const Options& options, const SecureBytes& seed, const QJsonArray& subjects, const QJsonArray& items,
                   const QDate& today, QObject* parent = nullptr);

    // Loads DIR/devices.json and listens on 127.0.0.1 (port 0: any free port). False with *error on failure.
    bool start(quint16 port, QString* error);
    quint16 port() const { return m_port; }
    // Publishes `changes` later changes to items as one new page; returns the new cursor.
    QString publish(int changes);

    static const QStringList& faults();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void append(const QString& stream, const QList<QByteArray>& lines);
    void enrol(const QHttpServerRequest& request, QTcpSocket* socket);
    void page(const QHttpServerRequest& request, const QString& stream, QTcpSocket* socket);
    void streams(const QHttpServerRequest& request, QTcpSocket* socket);
    void anchor(const QHttpServerRequest& request, QTcpSocket* socket);
    void outbox(const QHttpServerRequest& request, QTcpSocket* socket);
    void caseMove(const QHttpServerRequest& request, QTcpSocket* socket);
    void publishPolicy(const QHttpServerRequest& request, QTcpSocket* socket);
    static QJsonObject policyChange(const QString& id, int version, const QByteArray& compactJson);
    // One entry of a push: its answer ({"key", "outcome", "platformRef", "reason", "platform"}).
    QJsonObject take(const QJsonObject& entry, const QByteArray& device);
    bool saveOutbox(QString* error) const;
    // A case event taken (from a window's push or the simulator's case-move) queued for the case_moves stream.
    void queueMove(const QString& origin, int seq, const QJsonObject& data);
    void publishMoves();
    // The device's token hash, or empty (and a 401 sent) when the request carries no known token.
    QByteArray device(const QHttpServerRequest& request, QTcpSocket* socket);
    bool saveDevices(QString* error) const;

    Options m_options;
    SecureBytes m_seed;
    QJsonArray m_items;
    QDate m_today;
    quint16 m_port = 0;
    // Per stream: the signed lines in order, the cursor each continues from, and the cursor after it.
    QHash<QString, QList<QByteArray>> m_lines;
    QHash<QString, QStringList> m_afters;
    QHash<QString, QStringList> m_cursors;
    QHash<QString, int> m_versions;       // item platform id -> last version published
    QHash<QString, int> m_policyVersions; // profile id -> last version published
    int m_published = 0;
    QSet<QString> m_usedCodes;
    QSet<QByteArray> m_tokenHashes;
    QHash<QByteArray, QPair<qint64, QString>> m_anchors; // token hash -> newest audit head reported
    int m_pageRequests = 0;
    // The outbox's side: every answer given, by idempotency key (with the entry's SHA-256), and each case as the
    // platform holds it: {"state", "events", "lastAction", "movedAt", "movedBy", "device"}.
    QJsonObject m_answers;
    QJsonObject m_cases;
    int m_refs = 0;
    int m_outboxRequests = 0;
    QJsonArray m_pendingMoves; // case_moves changes not on a page yet
    QJsonArray m_moveLines;    // the case_moves pages published (kept in outbox.json across restarts)
};
