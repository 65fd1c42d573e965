using Energy.Application.Common;
using Energy.Domain.Alarms;

namespace Energy.Application.Alarms;

/// <summary>Checks of 6.2/6.3 and 6.6/6.7 input that need nothing but the request; failures name the seed field (4103).</summary>
public static class AlarmInput
{
    public static AlarmDetails Checked(AlarmDetails details)
    {
        var name = details.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw ContractError.BadParameter("Alarm_Name", "must be an alarm name of 1–100 characters");
        }

        if (!Enum.IsDefined(details.Level))
        {
            throw ContractError.BadParameter("Alarm_Level", $"must be 1 (一般), 2 (警告) or 3 (严重), got {(int)details.Level}");
        }

        if (!Enum.IsDefined(details.Type))
        {
            throw ContractError.BadParameter("Alarm_Type", $"must be 1 (hourly consumption), 2 (instantaneous parameter) or 3 (device event), got {(int)details.Type}");
        }

        if (!Enum.IsDefined(details.Notify))
        {
            throw ContractError.BadParameter("Alarm_Notify", $"must be 1 (platform), 2 (SMS), 3 (email) or 4 (WeChat), got {(int)details.Notify}");
        }

        var address = details.Address.Trim();
        if (address.Length > 200)
        {
            throw ContractError.BadParameter("Notify_Address", "must be at most 200 characters");
        }

        if (details.Notify != NotifyChannel.Platform && address.Length == 0)
        {
            throw ContractError.BadParameter("Notify_Address", "is required for SMS, email and WeChat (a phone number, mailbox or WeChat id)");
        }

        if (details.Notify == NotifyChannel.Email && (address.IndexOf('@', StringComparison.Ordinal) <= 0 || address.EndsWith('@')))
        {
            throw ContractError.BadParameter("Notify_Address", $"must be a mailbox like name@example.com for email, got \"{address}\"");
        }

        // SMS goes to a phone number through the gateway: digits, an optional leading + and the usual separators.
        if (details.Notify == NotifyChannel.Sms && !IsPhoneNumber(address))
        {
            throw ContractError.BadParameter("Notify_Address", $"must be a phone number like 13800138000 or +86 138 0013 8000 for SMS, got \"{address}\"");
        }

        return details with { Name = name, Address = address };
    }

    public static AlarmRuleDetails Checked(AlarmRuleDetails details)
    {
        var name = details.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw ContractError.BadParameter("Rule_Name", "must be a rule name of 1–100 characters");
        }

        if (details.AlarmId <= 0)
        {
            throw ContractError.BadParameter("Alarm_id", $"must be a positive alarm id, got {details.AlarmId}");
        }

        if (details.MeterId <= 0)
        {
            throw ContractError.BadParameter("Meter_id", $"must be a positive meter id, got {details.MeterId}");
        }

        return details with { Name = name, Parameter = details.Parameter.Trim() };
    }

    /// <summary>5 to 15 digits (E.164 allows 15), optionally after a +, with spaces or hyphens between groups.</summary>
    private static bool IsPhoneNumber(string address)
    {
        var digits = address.Count(char.IsAsciiDigit);
        var body = address.StartsWith('+') ? address[1..] : address;
        return digits is >= 5 and <= 15
            && body.Length > 0 && char.IsAsciiDigit(body[0]) && char.IsAsciiDigit(body[^1])
            && body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }
}
