"""Writing many rows at once, each with its own values, in a fixed number of statements.

Django's `bulk_update()` builds one `CASE WHEN id = … THEN …` per column, which
both databases evaluate row by row against every branch: updating 1,000 rows
took 25 s on SQLite. `rows_update` sends the new values as a table instead,

    UPDATE t SET a = v.column2, … FROM (VALUES (id, a, …), …) AS v WHERE t.id = v.column1

which PostgreSQL and SQLite (3.33 and later) both run as a join, in one
statement per `batch_size` rows.
"""

from collections.abc import Iterable, Sequence

from django.db import connections, router


def rows_update(
    *,
    model,
    objects: Sequence,
    fields: Iterable[str],
    increments: Iterable[str] = (),
    batch_size: int = 1000,
) -> int:
    """Write `fields` of each of `objects` (saved instances of `model`) to its row, and add
    one to each column in `increments`. Returns how many objects were written."""
    if not objects:
        return 0
    using = router.db_for_write(model)
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = model._meta.pk
    written = [model._meta.get_field(name) for name in fields]
    postgres = connection.vendor == "postgresql"

    def value_of(index: int, field) -> str:
        column = f"v.column{index}"
        # PostgreSQL reads untyped parameters in VALUES as text: say each column's type.
        return f"CAST({column} AS {field.db_type(connection)})" if postgres else column

    assignments = [
        f"{quote(field.column)} = {value_of(index, field)}"
        for index, field in enumerate(written, start=2)
    ] + [f"{quote(name)} = {table}.{quote(name)} + 1" for name in increments]
    row = "(" + ", ".join(["%s"] * (len(written) + 1)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            batch = objects[start : start + batch_size]
            params = []
            for obj in batch:
                params.append(pk.get_db_prep_save(obj.pk, connection))
                params.extend(
                    field.get_db_prep_save(getattr(obj, field.attname), connection)
                    for field in written
                )
            cursor.execute(
                f"UPDATE {table} SET {', '.join(assignments)} "  # noqa: S608 - names quoted
                f"FROM (VALUES {', '.join([row] * len(batch))}) AS v "
                f"WHERE {table}.{quote(pk.column)} = {value_of(1, pk)}",
                params,
            )
    return len(objects)
