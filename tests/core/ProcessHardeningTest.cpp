// makeProcessNonDumpable() as the kernel sees it, in a forked child so this test process is unchanged.
#include "core/ProcessHardening.h"

#include <gtest/gtest.h>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#ifdef Q_OS_LINUX
TEST(ProcessHardening, TheProcessIsNoLongerDumpable)
{
    ASSERT_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1) << "a test process starts dumpable";
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const bool reported = keyturn::makeProcessNonDumpable();
        const int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
        _exit(reported && dumpable == 0 ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
}
#endif
