#include "UiFonts.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QWidget>

namespace UiFonts {

namespace {

const char* const FactorProperty = "xmcredit_font_factor";
const char* const BoldProperty = "xmcredit_font_bold";

void apply(QWidget* widget)
{
    const double factor = widget->property(FactorProperty).toDouble();
    QFont font = widget->font();
    const QFont base = QApplication::font(widget);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else if (base.pixelSize() > 0)
        font.setPixelSize(qRound(base.pixelSize() * factor));
    if (widget->property(BoldProperty).toBool())
        font.setBold(true);
    widget->setFont(font);
}

// One filter for every such widget: the application's font changed (View > Text Size), the size follows.
class Follower : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationFontChange)
            if (auto* widget = qobject_cast<QWidget*>(watched))
                apply(widget);
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void relative(QWidget* widget, double factor, bool bold)
{
    static Follower* follower = new Follower; // lives as long as the application
    widget->setProperty(FactorProperty, factor);
    widget->setProperty(BoldProperty, bold);
    apply(widget);
    widget->installEventFilter(follower);
}

} // namespace UiFonts
