"""帮助 → 关于: version, unit, 定密权限, the unit root fingerprint in groups, store path; and, for the 三员
and the 定密责任人, 导出设立证书 (services.trust_info, on the worker). The fingerprint shown here is the one
to compare with the setup certificate in the office file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dingmi_desktop.logging_setup import log_dir
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.file_output import write_atomically


class AboutDialog(QDialog):
    """Modeless; ``loaded`` once the facts are shown, ``exported(path)`` after a certificate is written."""

    loaded = Signal()
    exported = Signal(str)

    def __init__(self, bundle: Any, ops: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("关于定密桌面"))
        self.setMinimumWidth(680)
        self._bundle, self._ops = bundle, ops
        self.info: Any = None
        layout = QVBoxLayout(self)
        facts = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("version", self.tr("版本：")),
            ("unit", self.tr("单位：")),
            ("authority", self.tr("定密权限：")),
            ("store_id", self.tr("数据存储编号：")),
            ("path", self.tr("数据目录：")),
            ("logs", self.tr("日志目录：")),
            ("founded", self.tr("信任根建立时间：")),
        ):
            value = QLabel()
            value.setObjectName(f"about_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            facts.addRow(label, value)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("单位信任根指纹（须与设立证书上的一致）：")))
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("aboutFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.fingerprint.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.fingerprint.setFont(font)
        layout.addWidget(self.fingerprint)
        self.accounts = QLabel()
        self.accounts.setObjectName("aboutAccounts")
        self.accounts.setWordWrap(True)
        self.accounts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.accounts)
        self.message = QLabel()
        self.message.setObjectName("aboutMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.certificate_button = QPushButton(self.tr("导出设立证书…"))
        self.certificate_button.setObjectName("exportCertificate")
        self.certificate_button.setToolTip(
            self.tr("导出单位信任根设立证书（PDF），打印后签字盖章存档并报备案")
        )
        self.certificate_button.clicked.connect(self.export_certificate)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)
        buttons.addWidget(self.certificate_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        from dingmi_desktop.services.trust_info import may_export_certificate

        self.certificate_button.setVisible(may_export_certificate(bundle.session))

    def refresh(self) -> None:
        from dingmi_desktop.services.trust_info import trust_info

        self._ops.run(lambda: trust_info(self._bundle.session), self._show, label="关于")

    def _show(self, info: Any) -> None:
        self.info = info
        values = {
            "version": info.version,
            "unit": info.unit_name,
            "authority": info.authority,
            "store_id": info.store_id,
            "path": info.store_path,
            "logs": str(log_dir(Path(info.store_path))),
            "founded": info.founded_at or self.tr("—"),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        if info.root_fingerprint:
            groups = info.fingerprint_groups
            self.fingerprint.setText("  ".join(groups[:4]) + "\n" + "  ".join(groups[4:]))
        else:
            self.fingerprint.setText(
                self.tr("尚未建立（本数据存储建立于信任根之前，请由三员执行 dingmi trust found）")
            )
        lines = [
            self.tr("{0} {1}（{2}）密钥指纹：{3}").format(
                a.role, a.display_name, a.username, a.fingerprint or self.tr("尚未确认")
            )
            for a in info.accounts
        ]
        lines += [self.tr("注意：{0}").format(p) for p in info.problems]
        self.accounts.setText("\n".join(lines))
        self.loaded.emit()

    def export_certificate(self) -> None:
        from dingmi_desktop.services.trust_info import certificate_pdf

        suggested = str(Path.home() / "单位信任根设立证书.pdf")
        path = SavePath.ask(self, self.tr("导出设立证书"), suggested, self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        bundle = self._bundle

        def work() -> str:
            write_atomically(target, certificate_pdf(bundle.session, bundle.now()))
            return str(target)

        self._ops.run(work, self._done, label="导出设立证书")

    def _done(self, path: str) -> None:
        self.message.setText(
            self.tr("已导出设立证书：{0}。请打印后由三员及单位负责人签字盖章。").format(path)
        )
        self.exported.emit(path)
