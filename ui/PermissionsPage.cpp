#include "PermissionsPage.h"

#include "itemmodels/PermissionMatrix.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

PermissionsPage::PermissionsPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new PermissionMatrixModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("permissionsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Who may do what at this workstation. The program enforces this table in its model "
                                "layer, whatever a screen offers; it cannot be edited here. ✓* means allowed under a "
                                "further rule (see the cell's tooltip)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_view->setObjectName(QStringLiteral("permissionsView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
}
