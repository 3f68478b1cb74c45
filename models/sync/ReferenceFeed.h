#pragma once

#include "storage/SecureBytes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The platform's side of the feed, for the reference platform (xmcredit-platform-sim) and the benchmarks: the
// records of a database (a generated city) as the protocol's changes, and changes cut into signed pages.
namespace ReferenceFeed {

// Every subject and item of db as changes of the subjects and credit_items streams (items name their subject by
// subject_platform_id), in id order.
bool cityChanges(const QSqlDatabase& db, QJsonArray* subjects, QJsonArray* items, QString* error);

// The same changes a page at a time, for a city too large to hold (the benchmark at city scale): up to limit changes
// of stream ("subjects" or "credit_items") for the records with an id above *afterId, in id order; *afterId moves to
// the last one. An empty *changes: the stream is done.
bool changesAfter(const QSqlDatabase& db, const QString& stream, qint64* afterId, int limit, QJsonArray* changes,
                  QString* error);

// One page of changes, signed: number is the page's place in its stream (cursor "<stream>/<number>").
QByteArray signedPage(const QString& platform, const QString& stream, const QJsonArray& changes, int number,
                      const SecureBytes& seed, const QString& issuedAt);

// changes cut into pages of perPage, numbered from firstPage (cursor "<stream>/<number>", the page before the first
// "" when firstPage is 1), each signed with the platform's seed. A page's bytes never change once published
// (PROTOCOL.md), so issuedAt is given by the caller for pages it may publish again (empty: now).
QList<QByteArray> signedPages(const QString& platform, const QString& stream, const QJsonArray& changes, int perPage,
                              int firstPage, const SecureBytes& seed, const QString& issuedAt = QString());

} // namespace ReferenceFeed
