#include "actions/ActionResultText.h"

#include <gtest/gtest.h>

using namespace keyturn;

namespace {
DeviceActionResult result(const char *state, std::optional<int> errorCode = std::nullopt)
{
    DeviceActionResult r;
    r.actionName = QStringLiteral("rotateFileVaultKey");
    r.actionState = QString::fromLatin1(state);
    r.errorCode = errorCode;
    return r;
}
} // namespace

TEST(ActionResultText, IntunesReasonIsItsErrorCodeInHexAndDecimal)
{
    EXPECT_EQ(intuneReason(result("failed", -2016281112)),
        QStringLiteral("Intune reported error code 0x87D1FDE8 (-2016281112)."));
    EXPECT_EQ(
        intuneReason(result("failed", 5)), QStringLiteral("Intune reported error code 0x00000005 (5)."));
    EXPECT_TRUE(intuneReason(result("failed")).isEmpty());
}

TEST(ActionResultText, CompletionMessagesNameTheActionTheDeviceAndTheReason)
{
    const QString label = QStringLiteral("Rotate FileVault recovery key");
    const QString mac = QStringLiteral("MAC-0042");
    EXPECT_EQ(completionMessage(label, mac, result("done")),
        QStringLiteral("Rotate FileVault recovery key on MAC-0042 completed"));
    EXPECT_EQ(completionMessage(label, mac, result("failed", -2016281112)),
        QStringLiteral(
            "Rotate FileVault recovery key on MAC-0042 failed: Intune reported error code 0x87D1FDE8 "
            "(-2016281112)."));
    EXPECT_EQ(completionMessage(label, mac, result("failed")),
        QStringLiteral("Rotate FileVault recovery key on MAC-0042 failed: Intune gave no reason."));
    EXPECT_EQ(completionMessage(label, mac, result("canceled")),
        QStringLiteral("Rotate FileVault recovery key on MAC-0042 was canceled"));
}

TEST(ActionResultText, EveryActionHasLikelyCausesAndFileVaultNamesTheEscrow)
{
    for (const char *id : { "rotateFileVaultKey", "syncDevice", "rebootNow", "shutDown",
             "rotateBitLockerKeys", "rotateLocalAdminPassword" })
        EXPECT_FALSE(likelyFailureCauses(QString::fromLatin1(id)).isEmpty()) << id;
    const QString fileVault
        = likelyFailureCauses(QStringLiteral("rotateFileVaultKey")).join(QLatin1Char(' '));
    for (const char *cause :
        { "escrowed in Intune", "escrow settings", "has not checked in", "No user has logged in" })
        EXPECT_TRUE(fileVault.contains(QLatin1String(cause))) << cause;
}

TEST(ActionResultText, FinalStatesAreTheOnesIntuneDoesNotChangeAnyMore)
{
    for (const char *state : { "done", "failed", "canceled", "notSupported" })
        EXPECT_TRUE(isFinalActionState(QString::fromLatin1(state))) << state;
    for (const char *state : { "pending", "active", "none", "" })
        EXPECT_FALSE(isFinalActionState(QString::fromLatin1(state))) << state;
}
