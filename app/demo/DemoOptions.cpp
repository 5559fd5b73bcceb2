#include "demo/DemoOptions.h"
