#include "MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace keyturn::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Keyturn"));
    resize(1200, 760);

    auto *deviceArea = new QWidget(this);
    deviceArea->setObjectName(QStringLiteral("deviceArea"));
    auto *layout = new QVBoxLayout(deviceArea);
    auto *placeholder = new QLabel(tr("No devices loaded."), deviceArea);
    placeholder->setObjectName(QStringLiteral("deviceAreaPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(placeholder);
    setCentralWidget(deviceArea);

    m_tenantLabel = new QLabel(this);
    m_tenantLabel->setObjectName(QStringLiteral("tenantLabel"));
    statusBar()->addPermanentWidget(m_tenantLabel);

    createMenus();
}

void MainWindow::setTenantDescription(const QString &description)
{
    m_tenantLabel->setText(description);
}

QString MainWindow::tenantDescription() const
{
    return m_tenantLabel->text();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setObjectName(QStringLiteral("quitAction"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
}

} // namespace keyturn::ui
