package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/sim"
)

func TestParseTermOTPOutput(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{'EXIT',<0.81.0>,boom}", "{'EXIT',<pid>,boom}"},
		{"[104,105]", `"hi"`},
		{"[]", "[]"},
		{"{a,-12,1.5,'hello world',[1,2|3]}", "{a,-12,1.5,'hello world',[1,2|3]}"},
		{"#{module=>erl_erts_errors}", "#{module => erl_erts_errors}"},
		{"#{a => <0.81.0>,<0.81.0> => #{}}", "#{a => <pid>,<pid> => #{}}"},
		{"<<1,2,3>>", "<<1,2,3>>"},
		{"<<97,98,99>>", `<<"abc">>`},
		{`<<"ab",0>>`, "<<97,98,0>>"},
		{"<<>>", "<<>>"},
		{"<<1:3>>", "<<1:3>>"},
		{"'it''s'", "'it'"},
		{"{'DOWN',#Ref<0.1.2.3>,process,{srv,nonode@nohost},noproc}", "{'DOWN',#Ref<>,process,{srv,nonode@nohost},noproc}"},
		{`{"a\nb",<shell>}`, `{[97,10,98],<shell>}`},
		{"[...]", "[...]"},
	} {
		raw, err := parseTerm(tc.in)
		if tc.in == "'it''s'" {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		got := mapTerm(raw, map[string]term{"<shell>": pidTerm(shellName, 0)}, nil)
		assert.Equal(t, tc.want, got.String(), tc.in)
	}
}

func TestStacksCompareByShape(t *testing.T) {
	raw, err := parseTerm("{badarg,[{erlang,send,[nosuch,hello],[{error_info,#{module=>erl_erts_errors}}]},{cc_driver,perform,1,[{file,\"cc_driver.erl\"},{line,3}]}]}")
	require.NoError(t, err)
	otp := mapTerm(raw, nil, nil)
	assert.Equal(t, "{badarg,[...]}", otp.String())
	simSide := fromSim(sim.ErrorReason(sim.Badarg), nil)
	assert.True(t, equal(simSide, otp))
	assert.False(t, equal(fromSim(sim.ErrorReason(sim.Atom("other")), nil), otp))
}

func TestPidsCompareByIdentityOrShape(t *testing.T) {
	a1, a2 := pidTerm("a", 1), pidTerm("a", 2)
	assert.True(t, equal(a1, a1))
	assert.False(t, equal(a1, a2))
	assert.True(t, equal(a1, term{k: kPid}), "an unknown pid matches any pid")
	assert.False(t, equal(a1, atom("a")))
	assert.Equal(t, "<a#2>", a2.String())
	assert.True(t, equal(term{k: kRef, n: 3}, term{k: kRef}), "an unknown ref matches any ref")
	assert.False(t, equal(term{k: kRef, n: 3}, term{k: kRef, n: 4}))
}

func TestStringsAreLists(t *testing.T) {
	assert.True(t, equal(fromSim(sim.Str("ok"), nil), fromSim(sim.List{sim.Int('o'), sim.Int('k')}, nil)))
}

// Maps compare by keys and values whatever order each side lists them in;
// binaries by their bytes; a simulator map or binary round-trips through
// the text OTP's ~w writes.
func TestMapsAndBinariesRoundTrip(t *testing.T) {
	simMap := sim.NewMap([]sim.Pair{{Key: sim.Atom("b"), Value: sim.Binary("x")}, {Key: sim.Int(1), Value: sim.List{}}})
	raw, err := parseTerm("#{1 => [],b => <<120>>}")
	require.NoError(t, err)
	assert.True(t, equal(fromSim(simMap, nil), mapTerm(raw, nil, nil)))
	swapped, err := parseTerm("#{b => <<120>>,1 => []}")
	require.NoError(t, err)
	assert.True(t, equal(fromSim(simMap, nil), swapped))
	for _, other := range []string{"#{1 => [],b => <<121>>}", "#{1 => []}", "#{1 => [],c => <<120>>}", "{1,b}"} {
		o, err := parseTerm(other)
		require.NoError(t, err)
		assert.False(t, equal(fromSim(simMap, nil), o), other)
	}
	assert.Equal(t, `#{1 => [],b => <<"x">>}`, fromSim(simMap, nil).String())
	assert.Equal(t, "<<0,1>>", eBinary("\x00\x01"))
}

func TestErlangText(t *testing.T) {
	assert.Equal(t, "abc", eAtom("abc"))
	assert.Equal(t, "'EXIT'", eAtom("EXIT"))
	assert.Equal(t, "'receive'", eAtom("receive"))
	assert.Equal(t, `'it\'s'`, eAtom("it's"))
	assert.Equal(t, `"a\"b\x{a}"`, eString("a\"b\n"))
	assert.Equal(t, "1.0", eFloat(1))
	assert.Equal(t, "0.25", eFloat(0.25))
}
