//! Static data: string literals and other immortal blocks laid out at
//! compile time from [`STATIC_BASE`] upwards, then emitted as one data
//! segment. Identical strings are interned, so the front end and runtime can
//! compare property keys that come from literals by pointer first.

use crate::layout::*;
use std::collections::HashMap;

/// The module's static data under construction.
#[derive(Debug, Clone)]
pub struct StaticData {
    bytes: Vec<u8>,
    strings: HashMap<Vec<u16>, u32>,
}

impl Default for StaticData {
    fn default() -> Self {
        Self::new()
    }
}

impl StaticData {
    pub fn new() -> Self {
        StaticData {
            bytes: Vec::new(),
            strings: HashMap::new(),
        }
    }

    /// The address of the next byte to be allocated.
    pub fn end(&self) -> u32 {
        STATIC_BASE + self.bytes.len() as u32
    }

    /// Reserves `size` zeroed bytes (8-aligned) and returns their address.
    pub fn reserve(&mut self, size: u32) -> u32 {
        let addr = self.end();
        self.bytes
            .resize(self.bytes.len() + align8(size) as usize, 0);
        addr
    }

    /// Writes a little-endian u32 at `addr` (inside reserved space).
    pub fn write_u32(&mut self, addr: u32, value: u32) {
        let at = (addr - STATIC_BASE) as usize;
        self.bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    /// Writes a little-endian u64 at `addr` (inside reserved space).
    pub fn write_u64(&mut self, addr: u32, value: u64) {
        let at = (addr - STATIC_BASE) as usize;
        self.bytes[at..at + 8].copy_from_slice(&value.to_le_bytes());
    }

    /// The address of an immortal KIND_STRING block holding `s`.
    pub fn string(&mut self, s: &str) -> u32 {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.string_utf16(&units)
    }

    /// Like [`Self::string`], for UTF-16 code units (lone surrogates allowed).
    pub fn string_utf16(&mut self, units: &[u16]) -> u32 {
        if let Some(&addr) = self.strings.get(units) {
            return addr;
        }
        let addr = self.reserve(string_block_size(units.len() as u32));
        self.write_u32(addr + HEADER, KIND_STRING);
        self.write_u32(addr + STR_LEN, units.len() as u32);
        let base = (addr + STR_DATA - STATIC_BASE) as usize;
        for (i, u) in units.iter().enumerate() {
            self.bytes[base + 2 * i..base + 2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        self.strings.insert(units.to_vec(), addr);
        addr
    }

    /// The NaN-boxed value of the interned string `s`.
    pub fn string_value(&mut self, s: &str) -> u64 {
        boxed(TAG_STRING, self.string(s))
    }

    /// The bytes to place at [`STATIC_BASE`].
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_interned_and_laid_out() {
        let mut s = StaticData::new();
        let a = s.string("ab");
        let b = s.string("ab");
        let c = s.string("héllo");
        assert_eq!(a, b);
        assert_eq!(a, STATIC_BASE);
        assert_eq!(c, STATIC_BASE + 16);
        let bytes = s.bytes();
        assert_eq!(
            u32::from_le_bytes(bytes[0..4].try_into().unwrap()),
            KIND_STRING
        );
        assert_eq!(u32::from_le_bytes(bytes[4..8].try_into().unwrap()), 2);
        assert_eq!(
            u16::from_le_bytes(bytes[8..10].try_into().unwrap()),
            b'a' as u16
        );
        assert_eq!(s.end() % 8, 0);
    }
}
