// ClientClaims: the `claims` request parameter Keyturn sends with every authorize and token
// request: the "cp1" client capability (Keyturn answers Continuous Access Evaluation challenges),
// merged with the claims of a challenge Graph sent (WWW-Authenticate error="insufficient_claims").
#pragma once

#include <QString>

namespace keyturn {

/// {"access_token":{"xms_cc":{"values":["cp1"]}}} with challengeClaimsJson (a JSON object such as
/// {"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}) merged in. An empty or
/// unreadable challenge gives the capability alone.
QString claimsRequest(const QString &challengeClaimsJson = {});

} // namespace keyturn
