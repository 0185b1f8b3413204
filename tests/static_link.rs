//! On x86_64 Linux with glibc, `intake` is linked as a static PIE by `scripts/cc-static-pie` (named
//! in .cargo/config.toml, issue 19): no dynamic loader at start-up, still position-independent.
//! Where glibc's static library is missing the script links dynamically, as rustc asked.
#![cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]

use std::path::{Path, PathBuf};
use std::process::Command;

const ET_DYN: u16 = 3; // a position-independent executable (or a shared library)
const PT_INTERP: u32 = 3; // names the dynamic loader

/// (ELF type, whether a dynamic loader is named) of the 64-bit little-endian ELF file at `path`.
fn elf_kind(path: &Path) -> (u16, bool) {
    let elf = std::fs::read(path).expect("read the program");
    assert_eq!(
        &elf[..5],
        b"\x7fELF\x02",
        "{} is a 64-bit ELF file",
        path.display()
    );
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(elf[at..at + 4].try_into().expect("4 bytes"));
    let u64_at = |at: usize| u64::from_le_bytes(elf[at..at + 8].try_into().expect("8 bytes"));
    let (phoff, phentsize, phnum) = (u64_at(0x20) as usize, u16_at(0x36), u16_at(0x38));
    let interp =
        (0..usize::from(phnum)).any(|i| u32_at(phoff + i * usize::from(phentsize)) == PT_INTERP);
    (u16_at(0x10), interp)
}

fn glibc_static_library_installed() -> bool {
    let out = Command::new("cc").arg("-print-file-name=libc.a").output();
    let path = out.map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    path.is_ok_and(|p| p.is_absolute() && p.exists())
}

#[test]
fn intake_has_no_dynamic_loader_where_glibc_static_library_is_installed() {
    let (kind, interp) = elf_kind(Path::new(env!("CARGO_BIN_EXE_intake")));
    assert_eq!(kind, ET_DYN, "intake stays position-independent");
    assert_eq!(interp, !glibc_static_library_installed());
}

/// Links `source` (with `libs`) through the script as `out_name`, the way rustc calls a linker;
/// whether both the link and the program (which exits with 7) succeeded, and the program's kind.
fn link(dir: &Path, source: &str, out_name: &str, libs: &[&str]) -> (bool, (u16, bool)) {
    let out = dir.join(out_name);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/cc-static-pie");
    let linked = Command::new(script)
        .arg(dir.join(source))
        .args(["-o".as_ref(), out.as_os_str(), "-pie".as_ref()])
        .arg(format!("-L{}", dir.display()))
        .args(libs)
        .status()
        .is_ok_and(|s| s.success());
    let ran = linked
        && Command::new(&out)
            .env("LD_LIBRARY_PATH", dir)
            .status()
            .is_ok_and(|s| s.code() == Some(7));
    (ran, if linked { elf_kind(&out) } else { (0, false) })
}

#[test]
fn the_script_links_only_intake_statically_and_falls_back_to_rustcs_link() {
    if !glibc_static_library_installed() {
        return; // the test above checks that intake is then linked dynamically
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let write =
        |name: &str, code: &str| std::fs::write(dir.path().join(name), code).expect("write");
    write("seven.c", "int main(void) { return 7; }\n");
    write(
        "calls.c",
        "int seven(void);\nint main(void) { return seven(); }\n",
    );
    write("lib.c", "int seven(void) { return 7; }\n");
    let shared = Command::new("cc")
        .current_dir(dir.path())
        .args(["-shared", "-fPIC", "-o", "libseven.so", "lib.c"])
        .status();
    assert!(
        shared.is_ok_and(|s| s.success()),
        "cc builds the shared library"
    );

    assert_eq!(
        link(dir.path(), "seven.c", "intake-0a1b", &["-lc"]),
        (true, (ET_DYN, false))
    );
    assert_eq!(
        link(dir.path(), "seven.c", "other-0a1b", &["-lc"]),
        (true, (ET_DYN, true))
    );
    // A library there only as a shared object: the static link fails, rustc's link is kept.
    let so_only = ["-lseven", "-lc"];
    assert_eq!(
        link(dir.path(), "calls.c", "intake-2c3d", &so_only),
        (true, (ET_DYN, true))
    );
}
