// RFC 7636 appendix B vectors and the shape/uniqueness of generated verifiers and states.
#include "auth/Pkce.h"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QSet>

using namespace keyturn;

TEST(Pkce, Rfc7636AppendixBVectors)
{
    const unsigned char octets[] = { 116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187,
        186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121 };
    const QByteArray bytes(reinterpret_cast<const char *>(octets), sizeof octets);
    const QString verifier = pkceVerifierFromBytes(bytes);
    EXPECT_EQ(verifier, QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    EXPECT_EQ(pkceS256Challenge(verifier), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

TEST(Pkce, GeneratedValuesAreUnreservedUniqueAndConsistent)
{
    const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const PkcePair pair = generatePkce();
        EXPECT_TRUE(unreserved.match(pair.verifier).hasMatch()) << pair.verifier.toStdString();
        EXPECT_EQ(pair.challenge, pkceS256Challenge(pair.verifier));
        const QString state = generateOAuthState();
        EXPECT_TRUE(unreserved.match(state).hasMatch());
        seen.insert(pair.verifier);
        seen.insert(state);
    }
    EXPECT_EQ(seen.size(), 100);
}
