// ScopeGrants: where a feature asks for a Graph permission beyond the sign-in's own (incremental
// consent), e.g. BitlockerKey.Read.All before reading a BitLocker key. The sign-in implements it;
// tests stand in their own.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace keyturn {

class ScopeGrants {
public:
    enum class ScopeAnswer {
        Granted, ///< the access token now carries the scope
        NeedsConsent, ///< Entra wants the user to consent interactively (consentToScope)
        Refused ///< not granted; the message says why
    };
    /// How the user consents: in the browser, or by entering a code on any device with a browser.
    enum class ConsentWay { Browser, DeviceCode };
    using ScopeCallback = std::function<void(ScopeAnswer answer, const QString &message)>;

    virtual ~ScopeGrants() = default;
    /// Makes the access token carry scope (a short name) without asking the user, if Entra allows.
    /// The callback runs once unless context dies first.
    virtual void requestScope(const QString &scope, QObject *context, ScopeCallback callback) = 0;
    /// Asks the user to consent to scope as the signed-in account, the way consentWay() says.
    virtual void consentToScope(const QString &scope, QObject *context, ScopeCallback callback) = 0;
    /// The way consentToScope() asks: the one the account signed in with.
    virtual ConsentWay consentWay() const = 0;
    /// The signed-in account's name (UPN) for the consent question; empty when signed out.
    virtual QString signedInAs() const = 0;
};

} // namespace keyturn
