namespace ClaimScrubber.Tests.Codes;

public class TypeOfBillTests
{
    [Theory]
    [InlineData("11", ClaimSetting.Inpatient)]
    [InlineData("011", ClaimSetting.Inpatient)]
    [InlineData(" 13 ", ClaimSetting.OutpatientHospital)]
    [InlineData("12", ClaimSetting.OutpatientHospital)]
    [InlineData("14", ClaimSetting.OutpatientHospital)]
    [InlineData("085", ClaimSetting.OutpatientHospital)]
    [InlineData("18", ClaimSetting.OtherInstitutional)]
    [InlineData("21", ClaimSetting.OtherInstitutional)]
    [InlineData("32", ClaimSetting.OtherInstitutional)]
    [InlineData("41", ClaimSetting.OtherInstitutional)]
    [InlineData("71", ClaimSetting.OtherInstitutional)]
    [InlineData("81", ClaimSetting.OtherInstitutional)]
    [InlineData("83", ClaimSetting.OtherInstitutional)]
    public void Setting_FollowsTheFacilityAndClassificationDigits(string text, ClaimSetting setting)
    {
        var bill = TypeOfBill.Parse(text);
        bill.Setting.Should().Be(setting);
        bill.ToString().Should().Be(text.Trim().TrimStart('0'));
    }

    [Theory]
    [InlineData("0131")]
    [InlineData("131")]
    [InlineData("1")]
    [InlineData("00")]
    [InlineData("01")]
    [InlineData("0")]
    [InlineData("1A")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotTheTwoDigits(string text) => TypeOfBill.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void ToUb04String_AddsTheLeadingZeroAndTheFrequency()
    {
        TypeOfBill.Parse("13").ToUb04String("1").Should().Be("0131");
        TypeOfBill.Parse("11").ToUb04String(null).Should().Be("011");
        default(TypeOfBill).ToString().Should().BeEmpty();
    }

    [Fact]
    public void Parse_NamesTheFrequencyDigit() =>
        FluentActions.Invoking(() => TypeOfBill.Parse("0131")).Should().Throw<FormatException>().WithMessage("'0131' is not a type of bill*frequency digit is the claim frequency code*");
}

public class NationalDrugCodeTests
{
    [Theory]
    [InlineData("00002143380", "00002143380")]
    [InlineData("00002-1433-80", "00002143380")]
    [InlineData("0002-1433-80", "00002143380")]
    [InlineData("50242-040-62", "50242004062")]
    [InlineData("60575-4112-1", "60575411201")]
    [InlineData(" 12345678901 ", "12345678901")]
    public void Parse_NormalisesToElevenDigits(string text, string expected)
    {
        var ndc = NationalDrugCode.Parse(text);
        ndc.ToString().Should().Be(expected);
        ndc.ToHyphenatedString().Should().Be($"{expected[..5]}-{expected[5..9]}-{expected[9..]}");
    }

    [Theory]
    [InlineData("0002143380")]
    [InlineData("000021433801")]
    [InlineData("00002-143-380")]
    [InlineData("0002-143-80")]
    [InlineData("00002-1433-8A")]
    [InlineData("00000-0000-00")]
    [InlineData("00000000000")]
    [InlineData("--")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotAnNdc(string text) => NationalDrugCode.TryParse(text, out _).Should().BeFalse();
}

public class NubcCodeTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("a1", "A1")]
    [InlineData(" 80 ", "80")]
    public void Parse_FoldsCase(string text, string expected) => NubcCode.Parse(text).ToString().Should().Be(expected);

    [Theory]
    [InlineData("4")]
    [InlineData("420")]
    [InlineData("4-")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotTwoCharacters(string text) => NubcCode.TryParse(text, out _).Should().BeFalse();
}

public class DischargeStatusTests
{
    [Theory]
    [InlineData("01", 1)]
    [InlineData("00", 0)]
    [InlineData("30", 30)]
    public void Parse_ReadsTwoDigits(string text, int value)
    {
        var status = DischargeStatus.Parse(text);
        status.Value.Should().Be(value);
        status.ToString().Should().Be(text);
        status.IsDefault.Should().BeFalse();
        status.Should().NotBe(default(DischargeStatus));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("A1")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotTwoDigits(string text) => DischargeStatus.TryParse(text, out _).Should().BeFalse();
}

public class ClaimModelTests
{
    [Fact]
    public void NewCollections_ReadAsEmpty_AndCoverageAsEmpty()
    {
        var claim = new Claim { ClaimId = "C1" };
        claim.PresentOnAdmission.IsDefault.Should().BeFalse();
        claim.ReasonForVisitDiagnoses.IsDefault.Should().BeFalse();
        claim.ExternalCauseDiagnoses.IsDefault.Should().BeFalse();
        claim.ExternalCausePresentOnAdmission.IsDefault.Should().BeFalse();
        claim.PcsProcedures.IsDefault.Should().BeFalse();
        claim.ConditionCodes.IsDefault.Should().BeFalse();
        claim.OccurrenceCodes.IsDefault.Should().BeFalse();
        claim.OccurrenceSpanCodes.IsDefault.Should().BeFalse();
        claim.ValueCodes.IsDefault.Should().BeFalse();
        claim.OtherCoverages.IsDefault.Should().BeFalse();
        claim.Coverage.PayerId.Should().BeNull();
        claim.TypeOfBill.Should().BeNull();
    }

    [Fact]
    public void PresentOnAdmissionOf_CountsFromOne_AndReadsNotReportedBeyondTheList()
    {
        var claim = new Claim
        {
            ClaimId = "C1",
            Diagnoses = [IcdCode.Parse("S72.001A"), IcdCode.Parse("I10"), IcdCode.Parse("E11.9")],
            PresentOnAdmission = [PresentOnAdmission.Yes, PresentOnAdmission.Exempt],
        };
        claim.PresentOnAdmissionOf(1).Should().Be(PresentOnAdmission.Yes);
        claim.PresentOnAdmissionOf(2).Should().Be(PresentOnAdmission.Exempt);
        claim.PresentOnAdmissionOf(3).Should().Be(PresentOnAdmission.NotReported);
        claim.PresentOnAdmissionOf(0).Should().Be(PresentOnAdmission.NotReported);
    }
}
