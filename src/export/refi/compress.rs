//! The `.qdpx` is compressed on a second thread while the XML is written on
//! this one: deflate is about a quarter of a large export's work, and the
//! machine has two cores. The entries travel in order, in chunks, over a
//! bounded channel (a few chunks in flight, never the document), so the zip
//! holds the same bytes as if it were written directly.

use super::guard::Failure;
use std::io::{self, Seek, Write};
use std::sync::mpsc::{sync_channel, SyncSender};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

/// Bytes gathered before they are handed to the compressing thread.
const CHUNK: usize = 256 * 1024;
/// Chunks that may wait for it.
const IN_FLIGHT: usize = 8;

enum Piece {
    Entry(String),
    Bytes(Vec<u8>),
}

/// Where the entries are written: a new entry, then its bytes.
pub struct Entries {
    tx: SyncSender<Piece>,
    buf: Vec<u8>,
}

fn stopped() -> io::Error {
    io::Error::other("the zip writer stopped")
}

impl Entries {
    /// Ends the entry being written and starts `name`.
    pub fn start(&mut self, name: String) -> io::Result<()> {
        self.flush()?;
        self.tx.send(Piece::Entry(name)).map_err(|_| stopped())
    }
}

impl Write for Entries {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.tx.send(Piece::Bytes(full)).map_err(|_| stopped())
    }
}

/// Runs `produce`, which writes the entries, while another thread zips them
/// into `out`, every entry with `options`.
pub fn zip_beside<W, T>(
    out: W,
    options: SimpleFileOptions,
    produce: impl FnOnce(&mut Entries) -> Result<T, Failure>,
) -> Result<T, Failure>
where
    W: Write + Seek + Send,
{
    let (tx, rx) = sync_channel::<Piece>(IN_FLIGHT);
    std::thread::scope(|scope| {
        let zipper = std::thread::Builder::new().name("qdpx-zip".into()).spawn_scoped(
            scope,
            move || -> Result<(), Failure> {
                let mut zip = ZipWriter::new(out);
                for piece in rx {
                    match piece {
                        Piece::Entry(name) => zip.start_file(name, options)?,
                        Piece::Bytes(bytes) => zip.write_all(&bytes)?,
                    }
                }
                zip.finish()?;
                Ok(())
            },
        )?;
        let mut entries = Entries {
            tx,
            buf: Vec::with_capacity(CHUNK),
        };
        let produced = produce(&mut entries).and_then(|t| {
            entries.flush()?;
            Ok(t)
        });
        // Closing the channel tells the zipper the last entry is complete.
        drop(entries);
        let zipped = zipper.join().unwrap_or_else(|_| Err(Failure::Io(stopped())));
        match (produced, zipped) {
            // The zipper's own error explains why sending to it failed.
            (Err(Failure::Io(_)), Err(why)) => Err(why),
            (Err(e), _) | (Ok(_), Err(e)) => Err(e),
            (Ok(t), Ok(())) => Ok(t),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    #[test]
    fn entries_arrive_whole_and_in_order() {
        let mut out = Cursor::new(Vec::new());
        let big = "æøå".repeat(CHUNK);
        zip_beside(&mut out, SimpleFileOptions::default(), |entries| {
            entries.start("a.txt".into())?;
            entries.write_all(big.as_bytes())?;
            entries.start("b.txt".into())?;
            entries.write_all(b"b")?;
            Ok(())
        })
        .unwrap();
        let mut zip = zip::ZipArchive::new(out).unwrap();
        let mut a = String::new();
        zip.by_index(0).unwrap().read_to_string(&mut a).unwrap();
        assert_eq!(a, big);
        assert_eq!(zip.by_index(1).unwrap().name().unwrap(), "b.txt");
    }

    #[test]
    fn a_refusal_while_producing_is_the_error_returned() {
        let result = zip_beside(Cursor::new(Vec::new()), SimpleFileOptions::default(), |entries| {
            entries.start("a.txt".into())?;
            Err::<(), _>(Failure::Private("memo".into()))
        });
        assert!(matches!(result, Err(Failure::Private(place)) if place == "memo"));
    }
}
