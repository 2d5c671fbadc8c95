"""Which role a folder plays (RFC 6154 special-use), guessed from its name when nothing says.

Servers without SPECIAL-USE, Maildir++ folders and saved exports only have names, in the
user's language. The table holds the names mail clients and providers actually create.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from inspector.model import FolderRole

_NAMES: dict[FolderRole, tuple[str, ...]] = {
    FolderRole.JUNK: (
        "junk", "spam", "junk e-mail", "junk email", "junk mail", "bulk", "bulk mail",
        "courrier indésirable", "courriers indésirables", "pourriel", "pourriels",
        "correo no deseado", "no deseado", "junk-e-mail", "spam-ordner", "unerwünscht",
        "posta indesiderata", "indesiderata", "ongewenste e-mail", "ongewenst",
        "lixo eletrônico", "lixo eletronico", "wiadomości-śmieci", "niechciane", "önemsiz",
        "istenmeyen", "нежелательная почта", "спам", "небажана пошта", "垃圾邮件",
        "垃圾郵件", "迷惑メール", "スパム", "스팸", "스팸메일", "thư rác",
        "البريد العشوائي", "דואר זבל", "स्पैम", "skräppost", "søppelpost", "uønsket post",
        "roskaposti", "[gmail]/spam", "spam e lixo", "lixo", "surat sampah",
    ),
    FolderRole.TRASH: (
        "trash", "deleted", "deleted items", "deleted messages", "bin", "corbeille",
        "papelera", "papierkorb", "gelöschte elemente", "gelöschte objekte", "cestino",
        "posta eliminata", "prullenbak", "verwijderde items", "lixeira", "itens excluídos",
        "kosz", "elementy usunięte", "çöp", "çöp kutusu", "корзина", "удаленные",
        "удалённые", "кошик", "已删除", "已刪除", "已删除邮件", "ゴミ箱", "휴지통",
        "papperskorgen", "borttaget", "papirkurv", "slettet", "roskakori", "[gmail]/trash",
        "[gmail]/bin",
    ),
    FolderRole.ARCHIVE: (
        "archive", "archives", "all mail", "archiv", "archivio", "archivo", "arquivo",
        "archief", "archiwum", "arşiv", "архив", "归档", "アーカイブ", "보관함", "arkiv",
        "[gmail]/all mail",
    ),
    FolderRole.INBOX: (
        "inbox", "posteingang", "boîte de réception", "bandeja de entrada",
    ),
}  # fmt: skip


_LOOKUP = {
    unicodedata.normalize("NFC", name).casefold(): role
    for role, names in _NAMES.items()
    for name in names
}


def role_from_name(name: str, delimiter: str | None = None) -> FolderRole | None:
    """The role a folder name implies: the whole name, then its last hierarchy level.

    "[Gmail]/Spam", "INBOX.Spam" and "Inbox/Junk E-mail" all end in a telling level.
    """
    folded = unicodedata.normalize("NFC", name.strip()).casefold()
    if folded in _LOOKUP:
        return _LOOKUP[folded]
    parts = folded.split(delimiter) if delimiter else re.split(r"[/.\\]", folded)
    return _LOOKUP.get(parts[-1].strip())


def role_from_path(path: PurePath) -> FolderRole:
    """Saved mail inherits the role of the nearest folder with a telling name."""
    for part in reversed(path.parts[:-1] if path.suffix else path.parts):
        role = role_from_name(part)
        if role is not None:
            return role
    return FolderRole.OTHER


_LABELS = re.compile(rb"^X-Gmail-Labels:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.M | re.I)


def role_from_labels(data: bytes) -> FolderRole | None:
    """Google Takeout mbox: the X-Gmail-Labels header says where Gmail had the message."""
    head = data[:65536]
    end = head.find(b"\n\n")
    match = _LABELS.search(head, 0, end if end >= 0 else len(head))
    if not match:
        return None
    labels = {x.strip().casefold() for x in match.group(1).decode("utf-8", "replace").split(",")}
    for label, role in (("spam", FolderRole.JUNK), ("trash", FolderRole.TRASH)):
        if label in labels:
            return role
    if "inbox" in labels:
        return FolderRole.INBOX
    return FolderRole.ARCHIVE
