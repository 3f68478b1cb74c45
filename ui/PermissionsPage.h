#pragma once

#include <QWidget>

class PermissionMatrixModel;
class QTableView;

// Who May Do What (administrators and auditors, Ctrl+Shift+M): the permission matrix, read-only. Roles are fixed in
// the program; a member of staff gets one with xmcredit-admin staff add. Each cell's tooltip says why.
//
// Object names for tests: permissionsView.
class PermissionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionsPage(QWidget* parent = nullptr);
    PermissionMatrixModel* model() const { return m_model; }

private:
    PermissionMatrixModel* m_model;
    QTableView* m_view;
};
