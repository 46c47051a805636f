using System.Data.Common;
using System.Globalization;

namespace Comity.Storage.Sql;

/// <summary>Reads one row, turning a value the code cannot read (a time that is not a time, a text where a number
/// belongs: a row changed outside Comity, which <c>PRAGMA quick_check</c> cannot see) into a
/// <see cref="StoreException"/> that names the table, the row's id and the value's column, instead of an exception
/// from deep inside the driver.</summary>
internal static class DamagedRowGuard
{
    public static T Read<T>(DbDataReader reader, string table, Func<DbDataReader, T> read, int idColumn = 0)
    {
        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException or StoreException { IsCorruption: false })
        {
            var id = reader.IsDBNull(idColumn) ? "(null id)" : Convert.ToString(reader.GetValue(idColumn), CultureInfo.InvariantCulture);
            throw new StoreException($"The {table} row {id} holds a value that cannot be read ({e.Message}); the database was changed outside Comity. Restore it from a backup or repair that row.", e)
            {
                IsCorruption = true,
            };
        }
    }

    /// <summary>True for what reading a value changed outside Comity throws (the driver's conversions, a code the
    /// store does not know); never for a caller's mistake or a refused write.</summary>
    public static bool IsUnreadableValue(Exception e) =>
        e is FormatException or InvalidCastException or OverflowException or System.Text.Json.JsonException or System.Data.SqlTypes.SqlNullValueException;

    /// <summary>The store's last line for a row read outside <see cref="Read{T}"/>: names the operation instead of the
    /// row.</summary>
    public static StoreException Unreadable(string operation, Exception e) =>
        new($"A row read by {operation} holds a value that cannot be read ({e.Message}); the database was changed outside Comity. Restore it from a backup or repair that row.", e)
        {
            IsCorruption = true,
        };
}
