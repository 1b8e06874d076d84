import GoTemplate
import Testing

@Suite("Float formatting exactly as Go's strconv and fmt")
struct FloatFormattingTests {
    @Test("Default formatting is the shortest %g: exponent form from 1e+06 and below 1e-04", arguments: [
        RenderCase("{{.float}}", "2.5"),
        RenderCase("{{.whole}}", "3"),
        RenderCase("{{.big}}", "1e+06"),
        RenderCase("{{1e20}}", "1e+20"),
        RenderCase("{{1e21}}", "1e+21"),
        RenderCase("{{123456.0}}", "123456"),
        RenderCase("{{1234567.0}}", "1.234567e+06"),
        RenderCase("{{0.0001}}", "0.0001"),
        RenderCase("{{0.00001}}", "1e-05"),
        RenderCase("{{-0.0}}", "-0"),
        RenderCase("{{0.1}}", "0.1"),
        RenderCase("{{100000.0}}", "100000"),
        RenderCase("{{5e-324}}", "5e-324"),
        RenderCase("{{1.7976931348623157e308}}", "1.7976931348623157e+308"),
        RenderCase("{{0.30000000000000004}}", "0.30000000000000004"),
        RenderCase("{{print 1e100 2.5e-10}}", "1e+100 2.5e-10"),
    ])
    func defaultFormat(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("%e, %f and %g with precisions round half to even on exact values", arguments: [
        RenderCase("{{printf \"%.2f %.2f %.2f\" 2.675 1.005 0.125}}", "2.67 1.00 0.12"),
        RenderCase("{{printf \"%.1f %.1f %.1f\" 0.25 0.35 0.45}}", "0.2 0.3 0.5"),
        RenderCase("{{printf \"%.0f %.0f %.0f %.0f\" 0.5 1.5 2.5 -0.5}}", "0 2 2 -0"),
        RenderCase("{{printf \"%f\" 3.14159}}", "3.141590"),
        RenderCase("{{printf \"%F\" 3.14159}}", "3.141590"),
        RenderCase("{{printf \"%e\" 123456.789}}", "1.234568e+05"),
        RenderCase("{{printf \"%E\" 0.000123}}", "1.230000E-04"),
        RenderCase("{{printf \"%e\" 0.0}}", "0.000000e+00"),
        RenderCase("{{printf \"%.0e\" 15.0}}", "2e+01"),
        RenderCase("{{printf \"%g\" 100000.0}}", "100000"),
        RenderCase("{{printf \"%g\" 1000000.0}}", "1e+06"),
        RenderCase("{{printf \"%.3g %.3g %.3g %.3g\" 1.0 100.0 1234.0 0.00012345}}", "1 100 1.23e+03 0.000123"),
        RenderCase("{{printf \"%.10g\" 3.14159}}", "3.14159"),
        RenderCase("{{printf \"%G\" 1e-10}}", "1E-10"),
        RenderCase("{{printf \"%.15f %.17g\" 0.1 0.1}}", "0.100000000000000 0.10000000000000001"),
        RenderCase("{{printf \"%f\" 1e22}}", "10000000000000000000000.000000"),
        RenderCase("{{printf \"%.20f\" 0.1}}", "0.10000000000000000555"),
        RenderCase("{{printf \"%e\" 1.7976931348623157e308}}", "1.797693e+308"),
        RenderCase("{{printf \"%.3e\" 5e-324}}", "4.941e-324"),
        RenderCase("{{printf \"%.1f\" 0.05}}", "0.1"),
        RenderCase("{{printf \"%.1f\" 0.96}}", "1.0"),
        RenderCase("{{printf \"%.2f\" 9.999}}", "10.00"),
    ])
    func precisions(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Flags, widths and special values on floats", arguments: [
        RenderCase("{{printf \"%8.3f|\" 3.14159}}", "   3.142|"),
        RenderCase("{{printf \"%-8.2f|\" 3.14159}}", "3.14    |"),
        RenderCase("{{printf \"%08.3f\" -3.5}}", "-003.500"),
        RenderCase("{{printf \"%+.2e\" 3.5}}", "+3.50e+00"),
        RenderCase("{{printf \"% .3f\" 2.5}}", " 2.500"),
        RenderCase("{{printf \"%+.3f\" 2.5}}", "+2.500"),
        RenderCase("{{printf \"%05.1f|%-07.2f|\" -2.5 2.5}}", "-02.5|2.50   |"),
        RenderCase("{{printf \"%#g\" 1.0}}", "1.00000"),
        RenderCase("{{printf \"%#.3g\" 1.0}}", "1.00"),
        RenderCase("{{printf \"%#.0e\" 1.0}}", "1.e+00"),
        RenderCase("{{printf \"%#.0f\" 2.0}}", "2."),
        RenderCase("{{printf \"%#v\" 1.0}}", "1"),
        RenderCase("{{printf \"%#v %#v\" 1e6 2.5}}", "1e+06 2.5"),
        RenderCase("{{printf \"%10.3v|\" 3.14159}}", "      3.14|"),
        RenderCase("{{printf \"%5.1f%%\" 99.5}}", " 99.5%"),
        RenderCase("{{printf \"%b\" 1.5}}", "6755399441055744p-52"),
        RenderCase("{{printf \"%x %X %.2x\" 1.5 -3.75 1.0}}", "0x1.8p+00 -0X1.EP+01 0x1.00p+00"),
        RenderCase("{{printf \"%x\" 0.0}}", "0x0p+00"),
        RenderCase("{{printf \"%v %v\" -0.0 0.0}}", "-0 0"),
        RenderCase("{{printf \"%s\" 1.5}}", "%!s(float64=1.5)"),
        RenderCase("{{printf \"%d\" 2.5}}", "%!d(float64=2.5)"),
        RenderCase("{{printf \"%q\" 2.5}}", "%!q(float64=2.5)"),
    ])
    func floatFlags(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
