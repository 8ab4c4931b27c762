"""Replay tests of the contact group, one per documented example."""


def test_get__get_personal_contact(replay):
    """Replays example 'get_personal_contact' (api/contact-get.md, line 46)."""
    result = replay(
        lambda client: client.contact.get(
            "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA="
        ),
        method="GET",
        path="/me/contacts/AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
        query=[],
        response={
            "status": 200,
            "json": {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/contacts/$entity",
                "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
                "displayName": "Lucía Ferrer",
                "givenName": "Lucía",
                "surname": "Ferrer",
                "companyName": "Fabrikam",
                "jobTitle": "Jefa de compras",
                "emailAddresses": [
                    {"name": "Lucía Ferrer", "address": "lucia.ferrer@fabrikam.com"}
                ],
                "businessPhones": ["+34 91 555 0178"],
            },
            "headers": {"Content-type": "application/json"},
        },
    )
    assert result == {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/contacts/$entity",
        "id": "AAMkAGVhNzQ1MzJkLTNjMGYtNGRhMS04ZGY1LWE0NmIyOWY3ZTgzMwBGAAA=",
        "displayName": "Lucía Ferrer",
        "givenName": "Lucía",
        "surname": "Ferrer",
        "companyName": "Fabrikam",
        "jobTitle": "Jefa de compras",
        "emailAddresses": [{"name": "Lucía Ferrer", "address": "lucia.ferrer@fabrikam.com"}],
        "businessPhones": ["+34 91 555 0178"],
    }
