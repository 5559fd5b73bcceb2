#include "core/ProcessHardening.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace keyturn {

bool makeProcessNonDumpable()
{
#ifdef Q_OS_LINUX
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return false;
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return true;
#endif
}

} // namespace keyturn
