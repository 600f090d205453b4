//! A set of ids (the reader's starred items), kept sorted in a vector: a `BTreeSet` of
//! its own type costs the wasm its own copy of the tree's code, and a reader stars tens
//! of items, not thousands.

/// Ids in ascending order, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSet(Vec<String>);

impl IdSet {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|x| x.as_str().cmp(id))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Adds `id`; false if it was there already.
    pub fn insert(&mut self, id: String) -> bool {
        match self.find(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Takes `id` out; false if it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.find(id) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut set: Vec<String> = ids.into_iter().collect();
        set.sort_unstable();
        set.dedup();
        IdSet(set)
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;
    use std::collections::BTreeSet;

    /// The same operations on a `BTreeSet`, the reference, give the same answers and order.
    #[test]
    fn behaves_as_a_btree_set() {
        let ops = ["b", "a", "c", "a", "b", "d", "a", "c", "c", "e", "b"];
        let mut set = IdSet::default();
        let mut reference = BTreeSet::new();
        for (k, id) in ops.iter().enumerate() {
            if k % 3 == 2 {
                assert_eq!(set.remove(id), reference.remove(*id), "remove {id}");
            } else {
                assert_eq!(
                    set.insert(id.to_string()),
                    reference.insert(id.to_string()),
                    "insert {id}"
                );
            }
            assert_eq!(
                set.iter().collect::<Vec<_>>(),
                reference.iter().collect::<Vec<_>>()
            );
            assert_eq!(set.len(), reference.len());
            for probe in ["a", "b", "c", "d", "e", "f"] {
                assert_eq!(set.contains(probe), reference.contains(probe));
            }
        }
        let collected: IdSet = ops.iter().map(|s| s.to_string()).collect();
        let expected: BTreeSet<String> = ops.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            collected.iter().collect::<Vec<_>>(),
            expected.iter().collect::<Vec<_>>()
        );
    }
}
