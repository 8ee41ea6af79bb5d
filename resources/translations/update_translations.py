"""Regenerate dingmi_en.ts from the sources (pyside6-lupdate), fill it from en.json, compile dingmi_en.qm.

    python resources/translations/update_translations.py

Simplified Chinese is the source language; a string missing from en.json stays unfinished (shown in Chinese).
Strings whose source text is passed through a variable (home cards, policy labels) are added explicitly.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "dingmi_en.ts"
QM = HERE / "dingmi_en.qm"
EXTRA = {
    "BatchExport": [
        "定密审批单-{0}.pdf",
        "请先选择要导出的表单（按住 Ctrl 或 Shift 可多选）。",
        "选择导出文件夹",
        "以下 {0} 个文件已存在，将被替换：\n{1}",
        "已取消批量导出，未导出任何表单。",
        "正在导出审批单…",
        "停止",
        "批量导出",
        "正在导出第 {0} / {1} 份：表单 {2}",
        "表单 {0}：{1}",
        "已导出 {0} 份审批单",
        "到“{0}”",
        "已停止，其余 {0} 份未导出。",
        "{0} 份未导出，原因见提示。",
        "以下表单未导出：\n{0}",
        "未导出：{0}",
    ],
    "HomePage": ["我的草稿", "退回给我", "待我审核", "待我审批", "上报待复", "已定密"],
    "PolicyPage": [
        "密码最小长度（位）：",
        "须包含的字符类别数（小写、大写、数字、符号）：",
        "密码最长使用期限（天，0 为不过期）：",
        "连续失败多少次后锁定账户：",
        "账户锁定时长（分钟）：",
        "空闲多少分钟后锁定会话：",
    ],
}


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "dingmi_desktop" / "ui").rglob("*.py"))
    sources.append(str(ROOT / "dingmi_desktop" / "app.py"))
    TS.unlink(missing_ok=True)
    languages = ["-source-language", "zh_CN", "-target-language", "en"]
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS), *languages], check=True)
    terms: dict[str, str] = json.loads((HERE / "en.json").read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    root = tree.getroot()
    for context_name, sources_list in EXTRA.items():
        context = next((c for c in root if c.findtext("name") == context_name), None)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
        for text in sources_list:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", {"type": "unfinished"})
    done = missing = 0
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in terms:
            translation.text = terms[source]
            translation.attrib.pop("type", None)
            done += 1
        else:
            missing += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    print(f"translated {done}, left in Chinese {missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
