import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';

export interface Option {
  id: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  options: readonly Option[];
  /** '' for the first option, "all". */
  value: string;
  onChange(value: string): void;
}

/** A labelled single choice (React Aria's Select: keyboard, screen reader and touch alike). */
export function SelectField({ label, options, value, onChange }: SelectFieldProps) {
  return (
    <Select
      className="field select-field"
      selectedKey={value === '' ? (options[0]?.id ?? null) : value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? '' : String(key))}
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <Popover className="select-popover">
        <ListBox items={options}>{(option) => <ListBoxItem id={option.id}>{option.label}</ListBoxItem>}</ListBox>
      </Popover>
    </Select>
  );
}
