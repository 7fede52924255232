using System.Text.Json.Serialization;

namespace Warta.Model;

/// <summary>How much of a date the text actually stated; the rest of the <see cref="DateTimeOffset"/> is a convention.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
public enum DatePrecision
{
    /// <summary>A day only: the value is that day at 00:00 UTC, and neither time nor offset was stated.</summary>
    Day,

    /// <summary>A day and time with no zone: the value carries the wall-clock time at offset +00:00, which is not known.</summary>
    LocalTime,

    /// <summary>A day, time and zone ("05:20 WIB", "+07:00"): the value is exact.</summary>
    Zoned,
}
