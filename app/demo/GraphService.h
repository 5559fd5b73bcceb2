// GraphService: the Intune Graph beta endpoints under /beta/deviceManagement/ (list with $top,
// $select, $filter and signed $skiptoken paging; single GET; remote actions; getFileVaultKey),
// with Graph's bearer-token checks and errors. Confined to the server thread; faults are applied
// around it by DemoRouter.
#pragma once

#include "demo/DemoDirectory.h"
#include "demo/DemoOptions.h"
#include "demo/DemoRequest.h"
#include "demo/DeviceStore.h"
#include "demo/GraphErrors.h"
#include "demo/TokenMinter.h"

#include <QUrl>

namespace keyturn::demo {

class GraphService {
public:
    GraphService(const DemoOptions &options, const DemoDirectory &directory, const TokenMinter &minter,
        DeviceStore &store, QUrl baseUrl);

    HttpResponse handle(const DemoRequest &request, const GraphCall &call);

    /// The remote actions served, by their Graph names.
    static const QStringList &actionNames();

private:
    HttpResponse list(const DemoRequest &request, const GraphCall &call);
    HttpResponse get(const QString &id, const GraphCall &call);
    HttpResponse action(
        const QString &id, const QString &action, const DemoUser &user, const GraphCall &call);
    HttpResponse fileVaultKey(const QString &id, const DemoUser &user, const GraphCall &call);
    /// Resolves an id segment to a live device; else fills *error with Graph's 400/404.
    qsizetype resolve(
        const QString &id, const QString &operation, const GraphCall &call, HttpResponse *error) const;
    QByteArray skipToken(qsizetype position) const;
    qsizetype parseSkipToken(const QString &token) const; ///< -1 when invalid
    QString rootUrl() const;

    DemoOptions m_options;
    const DemoDirectory &m_directory;
    const TokenMinter &m_minter;
    DeviceStore &m_store;
    QUrl m_baseUrl;
};

} // namespace keyturn::demo
