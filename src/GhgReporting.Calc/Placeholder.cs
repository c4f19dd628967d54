namespace GhgReporting.Calc; internal static class Placeholder {}
