"""The permissions table graphdoc writes for each package (rendered, never copied).

This copy, in graphdoc's own source, holds a few operations so that
:mod:`.permissions` can be type-checked and tested where it is written.
"""

TABLE = """\
["message.send", "message-send", false, [[["Mail.Send"]], []], [[["Mail.Send"]], []], [[["Mail.Send"]], []]]
["user.get", "user-get", false, [[["User.Read"]], [["User.ReadWrite"], ["User.Read.All"]]], [[["User.Read"]], [["User.ReadWrite"]]], [[["User.Read.All"]], [["Directory.Read.All"]]]]
["user.list_messages", "user-list-messages", false, [[["Mail.ReadBasic"], ["Mail.Read"]], [["Mail.ReadWrite"]]], [[["Mail.ReadBasic"], ["Mail.Read"]], [["Mail.ReadWrite"]]], [[["Mail.ReadBasic.All"], ["Mail.Read"]], [["Mail.ReadWrite"]]]]
"""
