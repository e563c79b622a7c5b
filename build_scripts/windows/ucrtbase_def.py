"""Writes the .def file of the ucrtbase.dll shim: the complex-math functions that Wine's ucrtbase
leaves as stubs come from shims/ucrtbase_cplx.c (s_NAME), every other export is forwarded to Wine's
own ucrtbase, copied beside it as wucrtbase.dll. Runs in the build chroot with pefile on the path.

    python3 ucrtbase_def.py WINE_UCRTBASE_DLL OUT.def
"""

import sys

import pefile

BASES = ("cabs carg creal cimag conj cproj cacos cacosh casin casinh catan catanh ccos ccosh cexp clog "
         "csin csinh csqrt ctan ctanh clog10 cpow").split()
LOCAL = {base + suffix for base in BASES for suffix in ("", "f", "l")}
LOCAL |= {prefix + kind for prefix in ("_C", "_FC", "_LC") for kind in ("build", "mulcc", "mulcr")}


def main(dll: str, out: str) -> None:
    names = [s.name.decode() for s in pefile.PE(dll).DIRECTORY_ENTRY_EXPORT.symbols if s.name]
    lines = ["LIBRARY ucrtbase.dll", "EXPORTS"]
    lines += [f"  {n}=s_{n}" if n in LOCAL else f"  {n}=wucrtbase.{n}" for n in names]
    lines += [f"  {n}=s_{n}" for n in sorted(LOCAL - set(names))]
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
