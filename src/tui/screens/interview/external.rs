//! Ctrl-e: the current note in `$EDITOR` (or `$VISUAL`, else `vi`). The
//! text goes to a file readable by its owner alone, the editor runs on it
//! (the terminal loop has given the terminal back), and what it holds after
//! comes back into the pane.

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs `editor` (a shell command, which may carry arguments) on `text` and
/// returns the text as the editor left it, without the final line end an
/// editor adds.
pub fn edit(text: &str, editor: &str, folder: &Path) -> std::io::Result<String> {
    std::fs::create_dir_all(folder)?;
    let path = folder.join(format!("casebook-note-{}.txt", std::process::id()));
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        file.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            file.write_all(b"\n")?;
        }
    }
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("casebook")
        .arg(&path)
        .status();
    let result = match status {
        Ok(status) if status.success() => std::fs::read_to_string(&path),
        Ok(status) => Err(std::io::Error::other(format!("`{editor}` ended with {status}"))),
        Err(e) => Err(e),
    };
    let _ = std::fs::remove_file(&path);
    let mut edited = result?;
    if edited.ends_with('\n') && !text.ends_with('\n') {
        edited.pop();
    }
    Ok(edited)
}
