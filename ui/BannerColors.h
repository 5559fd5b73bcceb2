// BannerColors: the background, border and text colours of a MessageBanner kind for a palette.
// Light and dark palettes get their own tinted pairs; the text colour is the palette's when it
// reads well on the tint (WCAG contrast >= 4.5), otherwise black or white, whichever reads better.
#pragma once

#include "MessageBanner.h"

#include <QColor>

class QPalette;

namespace keyturn::ui {

struct BannerColors {
    QColor background;
    QColor border;
    QColor text;
    int borderWidth = 1; ///< 2 in a high-contrast palette
};

BannerColors bannerColors(MessageBanner::Kind kind, const QPalette &palette);
/// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace keyturn::ui
