"""The same page in scripts the shared corpora do not show parses to the same model.

Every page here was written for these tests, in our own words, in the structure of the
real pages (anchored headings, a 2-column table whose header states its direction, a
3-column include, a request section nested under a scenario heading). graphdoc knows no
word of most of these languages: structure has to decide, and where only a word could
decide, a diagnostic has to say what was assumed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.parse import permissions
from generator.parse.page import parse_text
from generator.parse.structure import blocks_of

from .pages import md

# One entry per language: the words of the page. English is the reference, whose words
# graphdoc knows; the others use their own list separators.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "List gadgets",
        "summary": "Get the gadgets that a user owns.",
        "permissions": "Permissions",
        "choose": "One of the following permissions is needed to call this API.",
        "type": "Permission type",
        "perms": "Permissions",
        "most_first": "(from most to least privileged)",
        "least_first": "(from least to most privileged)",
        "least_col": "Least privileged permissions",
        "higher_col": "Higher privileged permissions",
        "work": "Delegated (work or school account)",
        "personal": "Delegated (personal Microsoft account)",
        "app": "Application",
        "not_supported": "Not supported.",
        "scenario": "List the gadgets of a user",
        "http_request": "HTTP request",
        "response": "Response",
        "returns": "On success, this method returns",
        "sep": ", ",
        "sep2": ", ",
    },
    "pl": {  # Latin script, a language of no shared edition
        "title": "Wyświetlanie gadżetów",
        "summary": "Pobiera gadżety należące do użytkownika.",
        "permissions": "Uprawnienia",
        "choose": "Do wywołania tego interfejsu potrzebne jest jedno z poniższych uprawnień.",
        "type": "Rodzaj uprawnienia",
        "perms": "Uprawnienia",
        "most_first": "(od najwyższych do najniższych)",
        "least_first": "(od najniższych do najwyższych)",
        "least_col": "Uprawnienia najniższe",
        "higher_col": "Uprawnienia wyższe",
        "work": "Delegowane (konto służbowe lub szkolne)",
        "personal": "Delegowane (osobiste konto Microsoft)",
        "app": "Aplikacja",
        "not_supported": "Nieobsługiwane.",
        "scenario": "Gadżety wybranego użytkownika",
        "http_request": "Żądanie HTTP",
        "response": "Odpowiedź",
        "returns": "Jeśli się powiedzie, metoda zwraca",
        "sep": "; ",
        "sep2": "<br>",
    },
    "zh": {  # CJK: ideographic and full-width separators, full-width parentheses
        "title": "列出小工具",
        "summary": "获取用户拥有的小工具。",
        "permissions": "权限",
        "choose": "调用此 API 需要以下权限之一。",
        "type": "权限类型",
        "perms": "权限",
        "most_first": "（从最高特权到最低特权）",
        "least_first": "（从最低特权到最高特权）",
        "least_col": "最低特权权限",
        "higher_col": "较高特权权限",
        "work": "委托（工作或学校帐户）",
        "personal": "委托（个人 Microsoft 帐户）",
        "app": "应用程序",
        "not_supported": "不支持。",
        "scenario": "列出某个用户的小工具",
        "http_request": "HTTP 请求",
        "response": "响应",
        "returns": "如果成功，此方法返回",
        "sep": "、",
        "sep2": "，",
    },
    "ru": {  # Cyrillic
        "title": "Список гаджетов",
        "summary": "Получает гаджеты, которыми владеет пользователь.",
        "permissions": "Разрешения",
        "choose": "Для вызова этого API требуется одно из следующих разрешений.",
        "type": "Тип разрешения",
        "perms": "Разрешения",
        "most_first": "(от наиболее к наименее привилегированным)",
        "least_first": "(от наименее к наиболее привилегированным)",
        "least_col": "Разрешения с наименьшими привилегиями",
        "higher_col": "Разрешения с более высокими привилегиями",
        "work": "Делегированные (рабочая или учебная учетная запись)",
        "personal": "Делегированные (личная учетная запись Майкрософт)",
        "app": "Приложение",
        "not_supported": "Не поддерживается.",
        "scenario": "Получение гаджетов пользователя",
        "http_request": "HTTP-запрос",
        "response": "Ответ",
        "returns": "В случае успеха этот метод возвращает код",
        "sep": "<br>",
        "sep2": "; ",
    },
    "ko": {  # Hangul
        "title": "가젯 나열",
        "summary": "사용자가 소유한 가젯을 가져옵니다.",
        "permissions": "사용 권한",
        "choose": "이 API를 호출하려면 다음 권한 중 하나가 필요합니다.",
        "type": "권한 유형",
        "perms": "사용 권한",
        "most_first": "(높은 권한에서 낮은 권한 순)",
        "least_first": "(낮은 권한에서 높은 권한 순)",
        "least_col": "최소 권한",
        "higher_col": "더 높은 권한",
        "work": "위임(회사 또는 학교 계정)",
        "personal": "위임(개인 Microsoft 계정)",
        "app": "애플리케이션",
        "not_supported": "지원되지 않습니다.",
        "scenario": "사용자의 가젯 나열",
        "http_request": "HTTP 요청",
        "response": "응답",
        "returns": "성공하면 이 메서드는 다음을 반환합니다.",
        "sep": ", ",
        "sep2": ", ",
    },
    "ar": {  # Arabic: its own comma and semicolon, right to left
        "title": "سرد الأدوات",
        "summary": "يحصل على الأدوات التي يملكها المستخدم.",
        "permissions": "الأذونات",
        "choose": "يلزم أحد الأذونات التالية لاستدعاء واجهة API هذه.",
        "type": "نوع الإذن",
        "perms": "الأذونات",
        "most_first": "(من الأعلى إلى الأقل امتيازًا)",
        "least_first": "(من الأقل إلى الأعلى امتيازًا)",
        "least_col": "الأذونات الأقل امتيازًا",
        "higher_col": "الأذونات الأعلى امتيازًا",
        "work": "مفوض (حساب العمل أو المؤسسة التعليمية)",
        "personal": "مفوض (حساب Microsoft الشخصي)",
        "app": "تطبيق",
        "not_supported": "غير مدعوم.",
        "scenario": "سرد أدوات مستخدم",
        "http_request": "طلب HTTP",
        "response": "الاستجابة",
        "returns": "إذا نجح هذا الأسلوب، فإنه يعرض",
        "sep": "، ",
        "sep2": "؛ ",
    },
}
LANGUAGES = tuple(WORDS)

MOST_FIRST = ("Gadget.ReadWrite.All", "Gadget.Read.All", "Gadget.ReadWrite", "Gadget.Read")
APP_MOST_FIRST = ("Gadget.ReadWrite.All", "Gadget.Read.All")

HEAD = """\
# <a name="gadget-list"></a>{title}

{summary}

## <a name="permissions"></a>{permissions}

{choose}

"""
TWO_COLUMNS = """\
|{type} | {perms} {direction}|
|:---|:---|
|{work} | {work_names} |
|{personal} | {not_supported} |
|{app} | {app_names} |
"""
THREE_COLUMNS = """\
|{type}|{least_col}|{higher_col}|
|:---|:---|:---|
|{work}|Gadget.Read|Gadget.ReadWrite{sep2}Gadget.Read.All|
|{personal}|{not_supported}|{not_supported}|
|{app}|Gadget.Read.All|Gadget.ReadWrite.All|
"""
INCLUDE = "[!INCLUDE [permissions-table](../includes/permissions/gadget-list-permissions.md)]\n"
TAIL = """
## <a name="list-gadgets-of-a-user"></a>{scenario}

### <a name="http-request"></a>{http_request}

```http
GET /users/{{id}}/gadgets
```

#### <a name="response"></a>{response}

{returns} `200 OK`.
"""


def page(language: str, table: str, most_first: bool = True) -> str:
    words = WORDS[language]
    work, app = MOST_FIRST, APP_MOST_FIRST
    if not most_first:
        work, app = tuple(reversed(work)), tuple(reversed(app))
    fields = {
        **words,
        "direction": words["most_first" if most_first else "least_first"],
        "work_names": words["sep"].join(work),
        "app_names": words["sep"].join(app),
    }
    middle = {"two": TWO_COLUMNS, "three": THREE_COLUMNS, "include": INCLUDE}[table]
    return (HEAD + middle + TAIL).format(**fields)


def parse(language: str, table: str, tmp_path: Path, most_first: bool = True):
    folder = tmp_path / language / "api"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "gadget-list.md"
    text = page(language, table, most_first)
    path.write_text(text, encoding="utf-8")
    if table == "include":
        includes = tmp_path / language / "includes" / "permissions"
        includes.mkdir(parents=True, exist_ok=True)
        include = "---\ndescription: x\n---\n\n" + THREE_COLUMNS.format(**WORDS[language])
        (includes / "gadget-list-permissions.md").write_text(include, encoding="utf-8")
    return parse_text(str(path), text, "v1.0", source="api/gadget-list.md")


def one(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple((name,) for name in names)


@pytest.mark.parametrize("most_first", [True, False], ids=["most-first", "least-first"])
@pytest.mark.parametrize("table", ["two", "three", "include"])
def test_same_page_in_every_language_gives_the_same_model(table, most_first, tmp_path):
    results = {language: parse(language, table, tmp_path, most_first) for language in LANGUAGES}
    reference = results["en"].operation
    assert reference is not None
    rows = {row.kind: row for row in reference.permissions.rows}
    assert rows["delegated_work"].least == one("Gadget.Read")
    assert rows["delegated_personal"].supported is False
    assert rows["application"].least == one("Gadget.Read.All")
    assert rows["application"].higher == one("Gadget.ReadWrite.All")
    for language, result in results.items():
        operation = result.operation
        assert operation is not None, (language, result.diagnostics)
        assert operation.permissions == reference.permissions, language
        assert operation.variants == reference.variants, language
        assert operation.response.status == 200, language
        codes = {d.code for d in result.diagnostics}
        # nothing dropped, nothing missing, no section lost
        assert not codes & {"GD011", "GD020", "GD021", "GD023", "GD027", "GD028"}, (
            language,
            result.diagnostics,
        )


def test_english_reference_needs_no_assumption(tmp_path):
    for table in ("two", "three", "include"):
        result = parse("en", table, tmp_path / table)
        assert not [d for d in result.diagnostics if d.code.startswith("GD02")], table


@pytest.mark.parametrize("language", [name for name in LANGUAGES if name != "en"])
def test_unknown_words_are_reported_not_guessed_silently(language, tmp_path):
    """Labels and the header's phrase graphdoc cannot read: it says so, row by row."""
    result = parse(language, "two", tmp_path)
    found = [(d.code, d.line) for d in result.diagnostics]
    text = page(language, "two")
    table = text.split("\n").index(next(line for line in text.split("\n") if line.startswith("|")))
    assert ("GD026", table + 1) in found  # direction read from the names
    by_position = [line for code, line in found if code == "GD024"]
    # every row whose label is not understood was placed by its position, and said so
    assert by_position == sorted(by_position)
    assert set(by_position) <= {table + 3, table + 4, table + 5}


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("A.Read.All、A.ReadWrite.All", one("A.Read.All", "A.ReadWrite.All")),
        ("A.Read.All，A.ReadWrite.All；B.Read", one("A.Read.All", "A.ReadWrite.All", "B.Read")),
        ("A.Read.All، A.ReadWrite.All؛ B.Read", one("A.Read.All", "A.ReadWrite.All", "B.Read")),
        (
            "A.Read.All<br>A.ReadWrite.All<br/>B.Read",
            one("A.Read.All", "A.ReadWrite.All", "B.Read"),
        ),
        ("A.Read.All\nA.ReadWrite.All", one("A.Read.All", "A.ReadWrite.All")),
        ("A.Read.All / A.ReadWrite.All", one("A.Read.All", "A.ReadWrite.All")),
        ("A.Read.All 또는 A.ReadWrite.All", one("A.Read.All", "A.ReadWrite.All")),
        ("A.Read.All 및 B.Read.All", (("A.Read.All", "B.Read.All"),)),
        ("A.Read.All или A.ReadWrite.All", one("A.Read.All", "A.ReadWrite.All")),
        ("A.Read.All 和 B.Read.All", (("A.Read.All", "B.Read.All"),)),
        ("不支持。", ()),
        ("지원되지 않습니다.", ()),
        ("غير مدعوم.", ()),
    ],
)
def test_separators_of_every_script(cell, expected):
    assert permissions.scopes_of(cell) == expected


def test_unknown_connector_is_reported_and_read_as_all_of():
    text = md("""
        |Rodzaj uprawnienia | Uprawnienia|
        |:---|:---|
        |Delegowane (konto służbowe) | A.Read.All wraz z B.Read.All |
        |Delegowane (konto osobiste) | Nieobsługiwane. |
        |Aplikacja | A.Read.All |
        """)
    found: list[tuple[int, str, str]] = []
    table = permissions.tables(blocks_of(text))[0][0]
    perms = permissions.from_table(table, lambda *item: found.append(item))
    rows = {row.kind: row for row in perms.rows}
    assert rows["delegated_work"].least == (("A.Read.All", "B.Read.All"),)
    assert [(line, code) for line, code, _ in found if code == "GD027"] == [(3, "GD027")]
    assert "wraz z" in next(message for _, code, message in found if code == "GD027")


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("X.ReadBasic.All", "X.Read.All", -1),
        ("X.Read", "X.ReadWrite", -1),
        ("X.Read", "X.Read.All", -1),
        ("X.ReadWrite", "X.ReadWrite.All", -1),
        ("X.Read.All", "X.ReadWrite.All", -1),
        ("X.Read.Shared", "X.Read.All", -1),
        ("X.ReadWrite.OwnedBy", "X.ReadWrite.All", -1),
        ("User.Read.All", "Directory.Read.All", -1),
        ("X.ReadWrite.All", "X.Read", 1),
        ("X.Read.All", "X.ReadWrite", 0),  # broader but weaker: no order
        ("X.Read", "Y.ReadWrite", 0),  # other resources
        ("X.Send", "X.Read", 0),  # unranked word
        ("X.Read", "x.read", 0),
    ],
)
def test_privilege_order_as_data(first, second, expected):
    assert permissions.compare(first, second) == expected


@pytest.mark.parametrize("language", ["en", "zh"])
def test_names_against_the_stated_direction_are_reported(language, tmp_path):
    """A header graphdoc understands, contradicted by its names: the header is followed."""
    text = page("en", "two", most_first=False).replace(
        ", ".join(reversed(MOST_FIRST)), ", ".join(MOST_FIRST)
    )
    result = parse_text("api/gadget-list.md", text, "v1.0")
    assert "GD028" in {d.code for d in result.diagnostics}
    rows = {row.kind: row for row in result.operation.permissions.rows}
    assert rows["delegated_work"].least == one("Gadget.ReadWrite.All")  # as the header says


def test_malformed_delimiter_row_still_read(tmp_path):
    """A delimiter row with one cell more than its header: markdown-it reads no table."""
    for language in ("en", "ko"):
        text = page(language, "two").replace("|:---|:---|\n", "|:---|:---|:---|\n", 1)
        result = parse_text("api/gadget-list.md", text, "v1.0")
        reference = parse(language, "two", tmp_path / language).operation
        assert "GD025" in {d.code for d in result.diagnostics}
        assert result.operation.permissions.rows == reference.permissions.rows
        assert result.operation.permissions.lost == ()
