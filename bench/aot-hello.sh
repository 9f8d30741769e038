# Sourced by the start-up benchmarks (bench/label-startup.sh, bench/verify-vs-exiftool.sh): publishes a Native AOT
# "hello world" printing one line, with the repository's Directory.Build.props and the label programs' AOT settings,
# once into OUT (OUT/hello). EXTRA adds MSBuild properties, e.g. the quick program's static glibc link.
# Needs $root (the repository).
aot_hello_static='<StaticExecutable>true</StaticExecutable><PositionIndependentExecutable>false</PositionIndependentExecutable>'
publish_aot_hello() {   # OUT [EXTRA_PROPERTIES]
  local out=$1 extra=${2:-} src
  [[ -x $out/hello ]] && return 0
  src="$(mktemp -d)"
  cp "$root/Directory.Build.props" "$root/global.json" "$src/"
  cat > "$src/hello.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <InvariantGlobalization>true</InvariantGlobalization>
    <OptimizationPreference>Speed</OptimizationPreference>
    <StripSymbols>true</StripSymbols>
    <ConcurrentGarbageCollection>false</ConcurrentGarbageCollection>
    $extra
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("{}");' > "$src/Program.cs"
  if ! dotnet publish "$src/hello.csproj" -c Release --use-current-runtime -p:PublishAot=true -o "$out" \
      --nologo -v quiet > "$src/publish.log" 2>&1; then
    cat "$src/publish.log" >&2; rm -rf "$src"; return 1
  fi
  rm -rf "$src"
}
