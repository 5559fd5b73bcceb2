// MainWindow: the shell that wires the views together: menu bar, central device area, status bar.
// It owns its child widgets only; the core objects it shows are owned by the composition root.
#pragma once

#include <QMainWindow>

class QLabel;

namespace keyturn::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Shows which tenant Keyturn talks to ("Demo tenant at http://127.0.0.1:PORT", a tenant id...).
    void setTenantDescription(const QString &description);
    QString tenantDescription() const;

private:
    void createMenus();

    QLabel *m_tenantLabel = nullptr;
};

} // namespace keyturn::ui
