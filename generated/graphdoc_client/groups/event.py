# mypy: disable-error-code="no-any-return"
"""Operations of the event group: accept, cancel, delete, get, update."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Unpack

from .._runtime import Group, RequestOptions, endpoints

if TYPE_CHECKING:
    from ._event import (
        AsyncEventOperations as AsyncEventOperations,
        EventAcceptBody,
        EventCancelBody,
    )

_ENDPOINTS = endpoints("""
accept POST
    /me/events/{event_id}/accept
    /users/{user_id}/events/{event_id}/accept
    /me/calendar/events/{event_id}/accept
    /users/{user_id}/calendar/events/{event_id}/accept
cancel POST
    /me/events/{event_id}/cancel
    /users/{user_id}/events/{event_id}/cancel
    /me/calendar/events/{event_id}/cancel
    /users/{user_id}/calendar/events/{event_id}/cancel
delete DELETE
    /me/events/{event_id}
    /users/{user_id}/events/{event_id}
    /me/calendar/events/{event_id}
    /users/{user_id}/calendar/events/{event_id}
    /me/calendars/{calendar_id}/events/{event_id}
    /users/{user_id}/calendars/{calendar_id}/events/{event_id}
get GET
    /me/events/{event_id}
    /users/{user_id}/events/{event_id}
    /me/calendar/events/{event_id}
    /users/{user_id}/calendar/events/{event_id}
    /me/calendars/{calendar_id}/events/{event_id}
    /users/{user_id}/calendars/{calendar_id}/events/{event_id}
update PATCH
    /me/events/{event_id}
    /users/{user_id}/events/{event_id}
    /me/calendar/events/{event_id}
    /users/{user_id}/calendar/events/{event_id}
    /me/calendars/{calendar_id}/events/{event_id}
    /users/{user_id}/calendars/{calendar_id}/events/{event_id}
""")


class EventOperations(Group):
    """event operations (5), reached as client.event."""

    __slots__ = ()
    _endpoints = _ENDPOINTS

    def accept(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventAcceptBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Confirma la asistencia a una reunión a la que el usuario ha sido invitado. Puede añadir
        un comentario para el organizador y decidir si se le envía o no la respuesta.

        POST /me/events/{event_id}/accept
        POST /users/{user_id}/events/{event_id}/accept
        POST /me/calendar/events/{event_id}/accept
        POST /users/{user_id}/calendar/events/{event_id}/accept

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadWrite
            Delegated (personal Microsoft account): Calendars.ReadWrite
            Application: Calendars.ReadWrite

        Returns: 202 on success.

        Documented in api/event-accept.md
        """
        return self._call("accept", options, event_id=event_id, user_id=user_id, body=body)

    def cancel(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        body: EventCancelBody | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Anula una reunión que organiza el usuario y envía a todos los asistentes un mensaje de
        cancelación, que puede incluir un comentario explicativo. Solo el organizador puede
        llamar a esta acción; un asistente que no quiera ir debe rechazar la invitación.

        POST /me/events/{event_id}/cancel
        POST /users/{user_id}/events/{event_id}/cancel
        POST /me/calendar/events/{event_id}/cancel
        POST /users/{user_id}/calendar/events/{event_id}/cancel

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadWrite
            Delegated (personal Microsoft account): Calendars.ReadWrite
            Application: Calendars.ReadWrite

        Returns: 202 on success.

        Documented in api/event-cancel.md
        """
        return self._call("cancel", options, event_id=event_id, user_id=user_id, body=body)

    def delete(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Quita un evento del calendario. Si la persona que llama es quien organiza la reunión,
        los asistentes reciben automáticamente un aviso de cancelación.

        DELETE /me/events/{event_id}
        DELETE /users/{user_id}/events/{event_id}
        DELETE /me/calendar/events/{event_id}
        DELETE /users/{user_id}/calendar/events/{event_id}
        DELETE /me/calendars/{calendar_id}/events/{event_id}
        DELETE /users/{user_id}/calendars/{calendar_id}/events/{event_id}

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadWrite
            Delegated (personal Microsoft account): Calendars.ReadWrite
            Application: Calendars.ReadWrite

        Returns: 204 on success.

        Documented in api/event-delete.md
        """
        return self._call(
            "delete", options, event_id=event_id, user_id=user_id, calendar_id=calendar_id
        )

    def get(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Read the properties and relationships of a single event. Times are reported in UTC
        unless you ask for a specific time zone with the `Prefer` header.

        GET /me/events/{event_id}
        GET /users/{user_id}/events/{event_id}
        GET /me/calendar/events/{event_id}
        GET /users/{user_id}/calendar/events/{event_id}
        GET /me/calendars/{calendar_id}/events/{event_id}
        GET /users/{user_id}/calendars/{calendar_id}/events/{event_id}

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadBasic
            Delegated (personal Microsoft account): Calendars.ReadBasic
            Application: Calendars.ReadBasic

        Returns: 200 on success, microsoft.graph.event.

        Documented in api/event-get.md
        """
        return self._call(
            "get", options, event_id=event_id, user_id=user_id, calendar_id=calendar_id
        )

    def update(
        self,
        event_id: str,
        *,
        user_id: str | None = None,
        calendar_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Change one or more properties of an event. Only the properties in the payload are
        touched. If you change the time, location, or attendee list of a meeting you organize,
        attendees receive an updated meeting request.

        PATCH /me/events/{event_id}
        PATCH /users/{user_id}/events/{event_id}
        PATCH /me/calendar/events/{event_id}
        PATCH /users/{user_id}/calendar/events/{event_id}
        PATCH /me/calendars/{calendar_id}/events/{event_id}
        PATCH /users/{user_id}/calendars/{calendar_id}/events/{event_id}

        Permissions (least privileged):
            Delegated (work or school account): Calendars.ReadWrite
            Delegated (personal Microsoft account): Calendars.ReadWrite
            Application: Calendars.ReadWrite

        Returns: 200 on success, microsoft.graph.event.

        Documented in api/event-update.md
        """
        return self._call(
            "update",
            options,
            event_id=event_id,
            user_id=user_id,
            calendar_id=calendar_id,
            body=body,
        )


if not TYPE_CHECKING:  # (type checkers see the async class of the stub module)
    AsyncEventOperations = EventOperations
